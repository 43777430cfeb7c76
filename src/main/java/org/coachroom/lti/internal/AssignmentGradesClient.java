package org.coachroom.lti.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.coachroom.lti.AssignmentGrades;
import org.coachroom.shared.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AGS over HTTP with the platform's service token. Any answer the platform gives is
 * turned into an {@link AssignmentGrades.Outcome}: 2xx done; 401 retried once with a
 * fresh token; 408, 409, 429 and 5xx (honouring Retry-After) and network failures to be
 * tried again; other 4xx failed with the platform's words.
 */
@Component
class AssignmentGradesClient implements AssignmentGrades {

	static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	static final String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	private static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

	private static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";

	private static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	private static final int MAX_ANSWER_BYTES = 1024 * 1024;

	private final ServiceTokens tokens;

	private final PlatformDirectory directory;

	private final JsonMapper json;

	private final RestClient http;

	AssignmentGradesClient(ServiceTokens tokens, PlatformDirectory directory, JsonMapper json, LmsHttp lmsHttp) {
		this.tokens = tokens;
		this.directory = directory;
		this.json = json;
		this.http = lmsHttp.client();
	}

	private record Answer(int status, String body, HttpHeaders headers) {
	}

	@Override
	public Outcome postScore(TenantId tenant, String lineItemUrl, Score score) {
		Platform platform = platformOf(tenant);
		if (platform == null) {
			return new Failed(0, "The platform of this completion is no longer registered.", false);
		}
		Failed elsewhere = notOnPlatform(platform, lineItemUrl);
		if (elsewhere != null) {
			return elsewhere;
		}
		ScoreBody body = ScoreBody.of(score);
		return call(platform, Set.of(SCORE_SCOPE),
				() -> http.post()
					.uri(scoresUrl(lineItemUrl))
					.contentType(MediaType.parseMediaType(SCORE_TYPE))
					.body(json.writeValueAsString(body)),
				answer -> new Done(lineItemUrl));
	}

	@Override
	public Outcome lineItem(TenantId tenant, String lineItemsUrl, LineItemSpec spec) {
		Platform platform = platformOf(tenant);
		if (platform == null) {
			return new Failed(0, "The platform of this completion is no longer registered.", false);
		}
		Failed elsewhere = notOnPlatform(platform, lineItemsUrl);
		if (elsewhere != null) {
			return elsewhere;
		}
		Outcome found = call(platform, Set.of(LINE_ITEM_SCOPE),
				() -> http.get().uri(lineItemsFor(lineItemsUrl, spec)).header(HttpHeaders.ACCEPT, CONTAINER_TYPE),
				answer -> {
					JsonNode items = json.readTree(answer.body());
					for (JsonNode item : items) {
						if (spec.tag().equals(text(item, "tag"))
								&& spec.resourceLinkId().equals(text(item, "resourceLinkId"))
								&& text(item, "id") != null) {
							return new Done(text(item, "id"));
						}
					}
					return new Done(null);
				});
		if (!(found instanceof Done done) || done.value() != null) {
			return found;
		}
		LineItemBody item = new LineItemBody(spec.scoreMaximum(), spec.label(), spec.resourceId(), spec.tag(),
				spec.resourceLinkId());
		return call(platform, Set.of(LINE_ITEM_SCOPE),
				() -> http.post()
					.uri(URI.create(lineItemsUrl))
					.contentType(MediaType.parseMediaType(LINE_ITEM_TYPE))
					.header(HttpHeaders.ACCEPT, LINE_ITEM_TYPE)
					.body(json.writeValueAsString(item)),
				answer -> {
					String id = text(json.readTree(answer.body()), "id");
					return id == null ? new Failed(answer.status(), "The LMS made a line item without an id.", false)
							: new Done(id);
				});
	}

	private interface Request {

		RestClient.RequestHeadersSpec<?> build();

	}

	private interface OnSuccess {

		Outcome read(Answer answer);

	}

	private Outcome call(Platform platform, Set<String> scopes, Request request, OnSuccess onSuccess) {
		for (int attempt = 1;; attempt++) {
			String token;
			try {
				token = tokens.token(platform, scopes);
			}
			catch (ServiceException e) {
				if (e.reason() == ServiceException.Reason.REFUSED) {
					return new Refused(401, e.getMessage());
				}
				if (e.reason() == ServiceException.Reason.NOT_OFFERED) {
					return new Failed(0, e.getMessage(), true);
				}
				return new Retry(e.retryAfter(), e.getMessage());
			}
			Answer answer;
			try {
				answer = request.build().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange((req, res) -> {
					byte[] bytes = res.getBody().readNBytes(MAX_ANSWER_BYTES);
					return new Answer(res.getStatusCode().value(), new String(bytes, StandardCharsets.UTF_8),
							res.getHeaders());
				});
			}
			catch (RestClientException e) {
				if (LmsHttp.refusedAsPrivate(e)) {
					return new Failed(0,
							"The LMS's gradebook address is on a private network, which Coachroom does not "
									+ "call unless its operator allows it (coachroom.lti.allow-private-network).",
							false);
				}
				boolean timeout = e.getCause() instanceof SocketTimeoutException
						|| (e.getMessage() != null && e.getMessage().contains("timed out"));
				return new Retry(null, timeout ? "The LMS did not answer in time." : "The LMS could not be reached.");
			}
			int status = answer.status();
			if (status >= 200 && status < 300) {
				try {
					return onSuccess.read(answer);
				}
				catch (RuntimeException unreadable) {
					return new Failed(status, "The LMS's answer could not be read.", false);
				}
			}
			if (status == 401 && attempt == 1) {
				tokens.forget(platform, scopes);
				continue;
			}
			if (status == 408 || status == 409 || status == 429 || status >= 500) {
				return new Retry(retryAfter(answer.headers()), "The LMS answered " + status + ".", status == 409);
			}
			return new Failed(status, brief(answer.body()), status == 401 || status == 403);
		}
	}

	/**
	 * A refused URL the launch named for this platform's gradebook, or null when the
	 * platform serves it. Without this a launch could point Coachroom, with the
	 * platform's token, at any address.
	 */
	private static Failed notOnPlatform(Platform platform, String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			return new Failed(0, "The launch's gradebook address is not a web address.", false);
		}
		if (!platform.serves(uri)) {
			return new Failed(0, "The launch named a gradebook address on " + Logs.safe(uri.getHost())
					+ ", which is not one of this LMS's addresses; nothing was sent there. If the LMS serves its "
					+ "courses on another domain, the operator lists it for the platform (frame_origins).", false);
		}
		return null;
	}

	/**
	 * What the LMS said, as one short line: kept for the district admin's report, never a
	 * whole page.
	 */
	static String brief(String said) {
		String line = said == null ? "" : said.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	/** Retry-After in seconds (an HTTP date is read as "soon"); null when absent. */
	static Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			long seconds = Long.parseLong(value.trim());
			return Duration.ofSeconds(Math.max(0, Math.min(seconds, 3600)));
		}
		catch (NumberFormatException date) {
			return Duration.ofSeconds(60);
		}
	}

	/**
	 * Moodle's line item URLs carry {@code ?type_id=N}: the sub-resource goes before the
	 * query.
	 */
	static URI scoresUrl(String lineItemUrl) {
		return subResource(lineItemUrl, "scores");
	}

	static URI subResource(String url, String name) {
		// the LMS's URL as it gave it (already encoded); the builder keeps its query
		// after the new segment
		return UriComponentsBuilder.fromUriString(url).pathSegment(name).build(true).toUri();
	}

	/**
	 * The line items of one resource link and tag, added to whatever query the LMS's URL
	 * has.
	 */
	static URI lineItemsFor(String lineItemsUrl, LineItemSpec spec) {
		return UriComponentsBuilder.fromUriString(lineItemsUrl)
			.queryParam("resource_link_id", UriUtils.encode(spec.resourceLinkId(), StandardCharsets.UTF_8))
			.queryParam("tag", UriUtils.encode(spec.tag(), StandardCharsets.UTF_8))
			.build(true)
			.toUri();
	}

	/**
	 * An AGS score ({@code application/vnd.ims.lis.v1.score+json}). Without
	 * {@code scoreGiven} it clears the platform's score (AGS 2.0), and
	 * {@code scoreMaximum} goes with a {@code scoreGiven} only.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "userId", "scoreGiven", "scoreMaximum", "comment", "timestamp", "activityProgress",
			"gradingProgress" })
	record ScoreBody(String userId, BigDecimal scoreGiven, BigDecimal scoreMaximum, String comment, String timestamp,
			String activityProgress, String gradingProgress) {

		static ScoreBody of(Score score) {
			return new ScoreBody(score.userId(), score.scoreGiven(),
					score.scoreGiven() == null ? null : score.scoreMaximum(), score.comment(),
					score.timestamp().toString(), score.activityProgress(), score.gradingProgress());
		}
	}

	private Platform platformOf(TenantId tenant) {
		return directory.byTenant(tenant).orElse(null);
	}

	/** A new line item ({@code application/vnd.ims.lis.v2.lineitem+json}). */
	@JsonPropertyOrder({ "scoreMaximum", "label", "resourceId", "tag", "resourceLinkId" })
	record LineItemBody(BigDecimal scoreMaximum, String label, String resourceId, String tag, String resourceLinkId) {
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

}
