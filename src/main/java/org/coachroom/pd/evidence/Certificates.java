package org.coachroom.pd.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.compliance.CredentialFacts;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.ProgramTracking;
import org.coachroom.pd.tracking.RequirementStatus;
import org.coachroom.pd.tracking.Standing;
import org.coachroom.shared.FileType;
import org.coachroom.shared.TenantId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion certificates: a person's own, or (through HR's view) anyone's whose facts HR
 * may see.
 */
@Service
public class Certificates {

	private final ProgramTracking tracking;

	private final CredentialFacts facts;

	private final People people;

	private final PdCalendar calendar;

	private final Clock clock;

	private final MessageSource messages;

	Certificates(ProgramTracking tracking, CredentialFacts facts, People people, PdCalendar calendar, Clock clock,
			MessageSource messages) {
		this.tracking = tracking;
		this.facts = facts;
		this.people = people;
		this.calendar = calendar;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * A completed program's certificate for the person, as a PDF; empty while it is not
	 * complete.
	 */
	@Transactional
	public Optional<byte[]> certificate(Member member, String code) {
		ProgramStatus status = tracking.program(member, code);
		return certificateOf(member.tenant().value(), member.userId(), member.name(), status);
	}

	/**
	 * A person's certificate for a program they completed, for HR; empty while it is not
	 * complete.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> hrCopy(Member viewer, long userRef, String programCode) {
		return facts.person(viewer, userRef)
			.flatMap(p -> p.programs()
				.stream()
				.filter(s -> s.program().getCode().equals(programCode))
				.findFirst()
				.flatMap(s -> certificateOf(viewer.tenant().value(), userRef, p.name(), s)));
	}

	Optional<byte[]> certificateOf(long tenantId, long userRef, String name, ProgramStatus status) {
		if (status.standing() != Standing.COMPLETE) {
			return Optional.empty();
		}
		Instant last = status.requirements()
			.stream()
			.map(r -> r.state().updatedAt())
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(clock.instant());
		LocalDate completedOn = last.atZone(calendar.zone()).toLocalDate();
		String id = FileType
			.sha256((tenantId + "|" + userRef + "|" + status.program().getId() + "|" + completedOn)
				.getBytes(StandardCharsets.UTF_8))
			.substring(0, 12)
			.toUpperCase(Locale.ROOT);
		// in the language of the page it is downloaded from
		Locale language = LocaleContextHolder.getLocale();
		var date = DateTimeFormatter.ofPattern(text("pd.certificate.pdf.date-pattern", language), language);
		List<CertificatePdf.Line> lines = new ArrayList<>();
		lines.add(new CertificatePdf.Line(text("pd.certificate.pdf.title", language), 30, true, 482));
		people.tenantName(new TenantId(tenantId))
			.ifPresent(district -> lines.add(new CertificatePdf.Line(district, 15, false, 450)));
		lines.add(new CertificatePdf.Line(text("pd.certificate.pdf.certifies", language), 14, false, 415));
		lines.add(new CertificatePdf.Line(name == null ? "" : name, 26, true, 378));
		lines.add(new CertificatePdf.Line(text("pd.certificate.pdf.completed", language), 14, false, 343));
		lines.add(new CertificatePdf.Line(status.program().getTitle(), 22, true, 306));
		lines.add(new CertificatePdf.Line(text("pd.certificate.pdf.on", language, completedOn.format(date)), 14, false,
				274));
		hours(status).ifPresent(hours -> lines.add(new CertificatePdf.Line(hours, 14, false, 250)));
		int requirements = status.requirements().size();
		if (requirements > 0) {
			lines.add(new CertificatePdf.Line(text("pd.certificate.pdf.requirements", language, requirements), 12,
					false, 218));
		}
		lines.add(new CertificatePdf.Line(
				text("pd.certificate.pdf.issued", language, id, calendar.today().format(date)), 10, false, 62));
		return Optional
			.of(CertificatePdf.render(text("pd.certificate.pdf.document-title", language, status.program().getTitle()),
					lines, 140, text("pd.certificate.pdf.signature", language)));
	}

	private String text(String key, Locale language, Object... args) {
		return messages.getMessage(key, args, language);
	}

	/**
	 * The hours the person recorded at the program's hours requirements, per unit ("36
	 * clock hours"), if it has any.
	 */
	static Optional<String> hours(ProgramStatus status) {
		Map<String, BigDecimal> byUnit = new LinkedHashMap<>();
		for (RequirementStatus r : status.requirements()) {
			if (r.requirement().kind() == RequirementKind.HOURS && r.state().hours() != null
					&& r.state().hours().signum() > 0) {
				String unit = r.requirement().hoursUnit() == null || r.requirement().hoursUnit().isBlank() ? "hours"
						: r.requirement().hoursUnit().strip();
				byUnit.merge(unit, r.state().hours(), BigDecimal::add);
			}
		}
		return byUnit.isEmpty() ? Optional.empty()
				: Optional.of(String.join(" and ",
						byUnit.entrySet()
							.stream()
							.map(e -> e.getValue().stripTrailingZeros().toPlainString() + " " + e.getKey())
							.toList()));
	}

}
