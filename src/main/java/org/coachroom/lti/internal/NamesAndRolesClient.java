package org.coachroom.lti.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.lti.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names and Role Provisioning Services 2.0: reads every page of a course's membership
 * container (following {@code Link: <...>; rel="next"}), and records the people it names.
 */
@Component
class NamesAndRolesClient implements Rosters {

	private static final Logger log = LoggerFactory.getLogger(NamesAndRolesClient.class);

	static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	private static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

	/**
	 * A roster of 100 pages is a district-sized course read with a small page size; more
	 * is a loop.
	 */
	private static final int MAX_PAGES = 100;

	private static final int MAX_PAGE_CHARS = 8 * 1024 * 1024;

	private final PlatformDirectory directory;

	private final ServiceTokens tokens;

	private final LaunchRecords records;

	private final RoleMapper roleMapper;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final RestClient http;

	private final boolean allowPrivateNetwork;

	NamesAndRolesClient(PlatformDirectory directory, ServiceTokens tokens, LaunchRecords records, RoleMapper roleMapper,
			JsonMapper json, TransactionTemplate tx, Clock clock, LtiProperties properties, LmsHttp lmsHttp) {
		this.directory = directory;
		this.tokens = tokens;
		this.records = records;
		this.roleMapper = roleMapper;
		this.json = json;
		this.tx = tx;
		this.clock = clock;
		this.http = lmsHttp.client();
		this.allowPrivateNetwork = properties.allowPrivateNetwork();
	}

	private record RosterMember(String userId, String name, String givenName, String familyName, String email,
			List<String> roles, boolean active) {
	}

	@Override
	public List<Entry> courseRoster(Member launchedBy) {
		if (launchedBy.launch() == null || launchedBy.launch().membershipsUrl() == null
				|| launchedBy.context() == null) {
			throw new ServiceException(ServiceException.Reason.NOT_OFFERED,
					"This launch offered no course roster (Names and Role Provisioning is off for this tool).");
		}
		Platform platform = directory.byIssuerAndClientId(launchedBy.launch().issuer(), launchedBy.launch().clientId())
			.orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_OFFERED,
					"The platform is no longer registered."));
		List<RosterMember> fetched = fetchAll(platform, serviceUri(platform, launchedBy.launch().membershipsUrl()));
		long tenant = launchedBy.tenant().value();
		long contextRef = launchedBy.context().id();
		Instant now = clock.instant();
		return tx.execute(status -> {
			Map<String, Entry> entries = new LinkedHashMap<>();
			for (RosterMember m : fetched) {
				List<String> ltiRoles = m.roles().stream().map(NamesAndRolesClient::fullRole).toList();
				Set<String> roles = roleMapper.mapRoster(platform, ltiRoles);
				long userRef = records.rosterUser(tenant, m.userId(), m.name(), m.givenName(), m.familyName(),
						m.email(), now);
				if (m.active()) {
					records.rosterMembership(tenant, contextRef, userRef, String.join(" ", ltiRoles),
							Sessions.encode(roles), now);
				}
				entries.put(m.userId(),
						new Entry(new People.Person(userRef, m.userId(), m.name(), m.email()), roles, m.active()));
			}
			return List.copyOf(entries.values());
		});
	}

	/**
	 * The roster URL the platform signed into the launch, if it is a web address
	 * Coachroom may call with the platform's token: http(s) (http only where the LMS may
	 * be on a private network), and on one of the platform's own addresses.
	 * {@link LmsHttp} checks the address it connects to.
	 */
	private URI serviceUri(Platform platform, String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw new ServiceException(ServiceException.Reason.INVALID,
					"The launch's roster address is not a web address.");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && allowPrivateNetwork))) {
			throw new ServiceException(ServiceException.Reason.INVALID,
					"The launch's roster address is not an https address.");
		}
		if (!platform.serves(uri)) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The launch's roster address ("
					+ Logs.safe(uri.getHost()) + ") is not one of this LMS's addresses.");
		}
		return uri;
	}

	private List<RosterMember> fetchAll(Platform platform, URI first) {
		List<RosterMember> all = new ArrayList<>();
		URI next = first;
		for (int page = 0; next != null; page++) {
			if (page >= MAX_PAGES) {
				throw new ServiceException(ServiceException.Reason.INVALID,
						"The LMS's roster went on for more than " + MAX_PAGES + " pages.");
			}
			if (!sameOrigin(first, next)) {
				throw new ServiceException(ServiceException.Reason.INVALID,
						"The LMS's roster pointed to another server.");
			}
			Page answer = get(platform, next);
			all.addAll(parse(answer.body()));
			next = nextPage(answer.links(), next);
		}
		log.info("Roster read from {}: {} people", platform.getIssuer(), all.size());
		return all;
	}

	/**
	 * One page of the roster: its body, read no further than the page limit, and its Link
	 * headers.
	 */
	private record Page(String body, List<String> links) {
	}

	private Page get(Platform platform, URI uri) {
		for (int attempt = 1;; attempt++) {
			String token = tokens.token(platform, Set.of(SCOPE));
			try {
				return http.get()
					.uri(uri)
					.header("Authorization", "Bearer " + token)
					.header("Accept", MEDIA_TYPE)
					.exchange((request, response) -> {
						if (response.getStatusCode().isError()) {
							throw new RestClientResponseException("NRPS answered " + response.getStatusCode().value(),
									response.getStatusCode(), "", null, null, null);
						}
						byte[] bytes = response.getBody().readNBytes(MAX_PAGE_CHARS + 1);
						if (bytes.length == 0 || bytes.length > MAX_PAGE_CHARS) {
							throw new ServiceException(ServiceException.Reason.INVALID,
									"A roster page was empty or too long.");
						}
						return new Page(new String(bytes, StandardCharsets.UTF_8),
								response.getHeaders().getOrEmpty("Link"));
					});
			}
			catch (RestClientResponseException e) {
				int status = e.getStatusCode().value();
				if (status == 401 && attempt == 1) {
					// a token the LMS no longer honours: one fresh try
					tokens.forget(platform, Set.of(SCOPE));
					continue;
				}
				log.warn("Roster at {} answered {}", platform.getIssuer(), status);
				throw new ServiceException(
						status == 401 || status == 403 ? ServiceException.Reason.REFUSED
								: ServiceException.Reason.UNREACHABLE,
						"The LMS answered " + status + " to the roster request.");
			}
			catch (RestClientException e) {
				if (LmsHttp.refusedAsPrivate(e)) {
					throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's roster address is on a "
							+ "private network, which Coachroom does not call unless its operator allows it.");
				}
				log.warn("Roster at {} unreachable: {}", platform.getIssuer(), e.getClass().getSimpleName());
				throw new ServiceException(ServiceException.Reason.UNREACHABLE,
						"The LMS did not answer the roster request in time.");
			}
		}
	}

	private List<RosterMember> parse(String body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (RuntimeException e) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's roster is not JSON.");
		}
		JsonNode members = root.get("members");
		if (members == null || !members.isArray()) {
			throw new ServiceException(ServiceException.Reason.INVALID, "The LMS's roster has no members list.");
		}
		List<RosterMember> page = new ArrayList<>();
		for (JsonNode m : members) {
			String userId = text(m, "user_id");
			if (userId == null || userId.isBlank() || userId.length() > 255) {
				continue;
			}
			List<String> roles = new ArrayList<>();
			if (m.get("roles") != null && m.get("roles").isArray()) {
				m.get("roles").forEach(r -> {
					if (r.isString()) {
						roles.add(r.asString());
					}
				});
			}
			String status = text(m, "status");
			page.add(new RosterMember(userId, text(m, "name"), text(m, "given_name"), text(m, "family_name"),
					text(m, "email"), roles, status == null || status.equalsIgnoreCase("Active")));
		}
		return page;
	}

	/**
	 * NRPS may name context roles briefly ("Learner"); the id_token names them in full.
	 */
	static String fullRole(String role) {
		return role.contains(":") || role.contains("/") ? role
				: "http://purl.imsglobal.org/vocab/lis/v2/membership#" + role;
	}

	private static URI nextPage(List<String> linkHeaders, URI current) {
		for (String link : linkHeaders) {
			Matcher m = NEXT.matcher(link);
			if (m.find()) {
				return current.resolve(m.group(1).trim());
			}
		}
		return null;
	}

	private static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

}
