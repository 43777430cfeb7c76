package org.coachroom.lti.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The launch's POST seen as the GET of the page it lands on: that page is rendered in the
 * launch's answer, and must see neither the POST method nor the launch's form fields
 * ({@code id_token}, {@code state}), only its own query.
 */
final class LandingRequest extends HttpServletRequestWrapper {

	private final Map<String, String[]> parameters;

	LandingRequest(HttpServletRequest launch, String query) {
		super(launch);
		this.parameters = Collections.unmodifiableMap(parse(query));
	}

	@Override
	public String getMethod() {
		return "GET";
	}

	@Override
	public String getContentType() {
		return null;
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters.get(name);
		return values == null ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters.keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = parameters.get(name);
		return values == null ? null : values.clone();
	}

	private static Map<String, String[]> parse(String query) {
		Map<String, String[]> parsed = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parsed;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			if (!name.isEmpty()) {
				parsed.merge(name, new String[] { value }, (a, b) -> {
					String[] both = java.util.Arrays.copyOf(a, a.length + 1);
					both[a.length] = b[0];
					return both;
				});
			}
		}
		return parsed;
	}

}
