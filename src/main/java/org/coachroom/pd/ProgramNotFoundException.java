package org.coachroom.pd;

import java.util.Locale;

import org.coachroom.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/**
 * Something of PD that is not there for the person asking: a 404 that says what was not
 * found (a program, a person, evidence, a certificate, a page that is not for them), in
 * its own words, and nothing more.
 */
public class ProgramNotFoundException extends Refusal {

	/** What was not found; each has its own heading and sentence on the 404 page. */
	public enum What {

		/** A program of the district's catalog. */
		PROGRAM,
		/** A person whose PD the viewer may see. */
		PERSON,
		/** Evidence the viewer may open. */
		EVIDENCE,
		/** A certificate: only a completed program has one. */
		CERTIFICATE,
		/** A study group credit of the person's. */
		CREDIT,
		/** A school of the district's list. */
		SCHOOL,
		/** A PD page that is not for the viewer (another role's). */
		PAGE;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** No such program (or none the person may see). */
	public ProgramNotFoundException(String code) {
		this(What.PROGRAM, code);
	}

	/**
	 * @param what what was not found
	 * @param detail for the log line only (cut, no line breaks)
	 */
	public ProgramNotFoundException(What what, String detail) {
		// the detail may come from a request: cut, and no line breaks to forge log lines
		// with
		super(HttpStatus.NOT_FOUND,
				"No " + what.key() + " "
						+ (detail.length() > 60 ? detail.substring(0, 60) : detail).replaceAll("[\\r\\n\\t]", "_"),
				what == What.PROGRAM ? "pd.not-found.title" : "pd.not-found." + what.key() + ".title",
				what == What.PROGRAM ? "pd.not-found.body" : "pd.not-found." + what.key() + ".body",
				new Back("/pd", "pd.back-list"));
	}

	public static ProgramNotFoundException person() {
		return new ProgramNotFoundException(What.PERSON, "");
	}

	public static ProgramNotFoundException evidence() {
		return new ProgramNotFoundException(What.EVIDENCE, "");
	}

	public static ProgramNotFoundException certificate(String code) {
		return new ProgramNotFoundException(What.CERTIFICATE, code);
	}

	/** A PD page for other roles than the viewer's. */
	public static ProgramNotFoundException page(String which) {
		return new ProgramNotFoundException(What.PAGE, which);
	}

}
