package org.coachroom.lti.internal;

/**
 * What a request says, made safe to write into one log line or one sentence on a page.
 */
final class Logs {

	private Logs() {
	}

	/**
	 * Line breaks and tabs become "_" (no forged log lines); a cookie-less session's URL
	 * token is hidden; long values are cut.
	 */
	static String safe(Object value) {
		if (value == null) {
			return "(none)";
		}
		String s = value.toString()
			.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]", "_")
			.replaceAll(UrlTokens.PARAMETER + "=[^&#\\s]*", UrlTokens.PARAMETER + "=(hidden)");
		return s.length() > 200 ? s.substring(0, 200) + "…" : s;
	}

}
