package org.coachroom.pd.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.compliance.CredentialFacts;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.ProgramTracking;
import org.coachroom.pd.tracking.Standing;
import org.coachroom.shared.FileType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completion certificates: a person's own, or (through HR's view) anyone's whose facts HR may see. */
@Service
public class Certificates {

	private final ProgramTracking tracking;

	private final CredentialFacts facts;

	private final PdCalendar calendar;

	private final Clock clock;

	Certificates(ProgramTracking tracking, CredentialFacts facts, PdCalendar calendar, Clock clock) {
		this.tracking = tracking;
		this.facts = facts;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** A completed program's certificate for the person, as a PDF; empty while it is not complete. */
	@Transactional
	public Optional<byte[]> certificate(Member member, String code) {
		ProgramStatus status = tracking.program(member, code);
		return certificateOf(member.tenant().value(), member.userId(), member.name(), status);
	}

	/** A person's certificate for a program they completed, for HR; empty while it is not complete. */
	@Transactional(readOnly = true)
	public Optional<byte[]> hrCopy(Member viewer, long userRef, String programCode) {
		return facts.person(viewer, userRef).flatMap(p -> p.programs()
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
		String id = FileType.sha256((tenantId + "|" + userRef + "|" + status.program().getId() + "|" + completedOn)
			.getBytes(StandardCharsets.UTF_8)).substring(0, 12).toUpperCase(Locale.ROOT);
		var date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
		return Optional.of(CertificatePdf.render(List.of(new CertificatePdf.Line("Certificate of completion", 30, true, 470),
				new CertificatePdf.Line("This certifies that", 14, false, 425),
				new CertificatePdf.Line(name == null ? "" : name, 26, true, 385),
				new CertificatePdf.Line("has completed", 14, false, 345),
				new CertificatePdf.Line(status.program().getTitle(), 22, true, 305),
				new CertificatePdf.Line("on " + completedOn.format(date), 14, false, 262),
				new CertificatePdf.Line("All " + status.requirements().size()
						+ " requirements met; evidence verified where the program asks for it.", 12, false, 200),
				new CertificatePdf.Line("Certificate " + id + ", issued " + calendar.today().format(date) + " by Coachroom",
						10, false, 80))));
	}
}
