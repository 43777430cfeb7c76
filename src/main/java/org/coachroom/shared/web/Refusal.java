package org.coachroom.shared.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason a person can act on, shown as the one refusal page
 * ({@code refused.html}) with its HTTP status: 400 for a value no page of ours sends, 404
 * for what is not there or not theirs (saying nothing more), 409 for a change made from a
 * stale page. The page says it in messages: a title, the reason (with its arguments) and
 * a link back. Modules name their refusals by extending this class, so a call site reads
 * {@code throw new GroupNotFoundException(id)}.
 */
public class Refusal extends RuntimeException {

	/** Where the page's one link leads, and the key of its words. */
	public record Back(String path, String labelKey) {

		/** Coachroom's home page. */
		public static final Back HOME = new Back("/home", "error.back");

	}

	private final HttpStatus status;

	private final String titleKey;

	private final String reasonKey;

	private final Object[] args;

	private final Back back;

	/**
	 * @param status the page's HTTP status
	 * @param logMessage for the log line only, never shown (no request text unless cut
	 * and cleaned)
	 * @param titleKey the message key of the page's heading
	 * @param reasonKey the message key of the sentence that says why
	 * @param back the page's link back
	 * @param args the reason's arguments
	 */
	public Refusal(HttpStatus status, String logMessage, String titleKey, String reasonKey, Back back, Object... args) {
		super(logMessage);
		this.status = status;
		this.titleKey = titleKey;
		this.reasonKey = reasonKey;
		this.back = back;
		this.args = args.clone();
	}

	public HttpStatus status() {
		return status;
	}

	public String titleKey() {
		return titleKey;
	}

	public String reasonKey() {
		return reasonKey;
	}

	public Object[] args() {
		return args.clone();
	}

	public Back back() {
		return back;
	}

}
