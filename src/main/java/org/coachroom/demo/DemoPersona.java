package org.coachroom.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The people of the demo district, each launched with the LTI roles a real LMS would
 * send.
 */
public enum DemoPersona {

	TEACHER("Teacher", "demo-teacher-maria", "Maria", "Lopez", "Second-grade teacher",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), null),
	COACH("Coach", "demo-coach-jordan", "Jordan", "Ellis", "Instructional coach",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), null),
	PRINCIPAL("Principal", "demo-principal-ruth", "Ruth", "Park", "Principal, Lincoln Elementary",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
					"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff"),
			"Principal"),
	HR("HR", "demo-hr-sam", "Sam", "Carter", "District PD office",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff"), "HR"),
	/**
	 * The district admin, as an LMS seats its administrators: keeps the PD catalog and
	 * the district's schools.
	 */
	DISTRICT_ADMIN("District admin", "demo-admin-lee", "Lee", "Morgan", "District office, PD catalog and schools",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"), null);

	private final String label;

	private final String subject;

	private final String givenName;

	private final String familyName;

	private final String description;

	private final List<String> ltiRoles;

	private final String customRole;

	DemoPersona(String label, String subject, String givenName, String familyName, String description,
			List<String> ltiRoles, String customRole) {
		this.label = label;
		this.subject = subject;
		this.givenName = givenName;
		this.familyName = familyName;
		this.description = description;
		this.ltiRoles = ltiRoles;
		this.customRole = customRole;
	}

	public String label() {
		return label;
	}

	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String subject() {
		return subject;
	}

	public String givenName() {
		return givenName;
	}

	public String familyName() {
		return familyName;
	}

	public String fullName() {
		return givenName + " " + familyName;
	}

	public String description() {
		return description;
	}

	List<String> ltiRoles() {
		return ltiRoles;
	}

	String customRole() {
		return customRole;
	}

	String email() {
		return givenName.toLowerCase(Locale.ROOT) + "." + familyName.toLowerCase(Locale.ROOT)
				+ "@demo.coachroom.invalid";
	}

	static Optional<DemoPersona> bySlug(String slug) {
		for (DemoPersona p : values()) {
			if (p.slug().equals(slug)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

	static Optional<DemoPersona> bySubject(String subject) {
		for (DemoPersona p : values()) {
			if (p.subject.equals(subject)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

}
