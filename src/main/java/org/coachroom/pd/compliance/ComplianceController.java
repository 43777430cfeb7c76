package org.coachroom.pd.compliance;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.Standing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** HR's compliance view (a principal's counts) and its CSV export. */
@Controller
class ComplianceController {

	private static final Logger log = LoggerFactory.getLogger(ComplianceController.class);

	private final ComplianceAccess access;

	private final ComplianceQueries queries;

	private final ComplianceCsv csv;

	private final Schools schools;

	private final PdCalendar calendar;

	ComplianceController(ComplianceAccess access, ComplianceQueries queries, ComplianceCsv csv, Schools schools,
			PdCalendar calendar) {
		this.access = access;
		this.queries = queries;
		this.csv = csv;
		this.schools = schools;
		this.calendar = calendar;
	}

	private ComplianceQueries.Filter filter(Member viewer, String program, String standing, String level, String name,
			String sort, int page, String school) {
		Long programId = program.isBlank() ? null : queries.program(viewer, program).map(Program::getId).orElse(-1L);
		// a school of another district, or no number, finds no one
		Long schoolId = null;
		if (!school.isBlank()) {
			try {
				schoolId = schools.find(viewer.tenant().value(), Long.parseLong(school))
					.map(Schools.School::id)
					.orElse(-1L);
			}
			catch (NumberFormatException e) {
				schoolId = -1L;
			}
		}
		return new ComplianceQueries.Filter(programId, parse(Standing.class, standing), parse(SchoolLevel.class, level),
				name, sort, page, schoolId);
	}

	/**
	 * A filter value no form offers is ignored, not an error: the view shows everyone.
	 */
	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			log.info("Compliance filter ignored: {} is no {}", value.length() > 30 ? value.substring(0, 30) : value,
					type.getSimpleName());
			return null;
		}
	}

	@GetMapping("/pd/compliance")
	String view(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String program,
			@RequestParam(defaultValue = "") String standing, @RequestParam(defaultValue = "") String level,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String school, Model model) {
		ComplianceAccess.View view = access.viewOf(member);
		if (view == ComplianceAccess.View.NONE) {
			throw ProgramNotFoundException.page("compliance");
		}
		ComplianceQueries.Filter filter = filter(member, program, standing, level, name, sort, page, school);
		model.addAttribute("view", view.name());
		model.addAttribute("schools", schools.all(member.tenant().value()));
		model.addAttribute("filter", filter);
		model.addAttribute("programCode", program);
		model.addAttribute("programs", queries.programs(member));
		model.addAttribute("counts", queries.counts(member, filter));
		model.addAttribute("smallest", ComplianceAccess.SMALLEST_SHOWN);
		model.addAttribute("standings", Standing.values());
		model.addAttribute("levels", SchoolLevel.values());
		model.addAttribute("today", calendar.today());
		if (view == ComplianceAccess.View.PEOPLE) {
			model.addAttribute("page", queries.page(member, filter));
		}
		return "pd/compliance";
	}

	@GetMapping("/pd/compliance.csv")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Member member,
			@RequestParam(defaultValue = "") String program, @RequestParam(defaultValue = "") String standing,
			@RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String school) {
		if (access.viewOf(member) != ComplianceAccess.View.PEOPLE) {
			throw ProgramNotFoundException.page("compliance");
		}
		ComplianceQueries.Filter filter = filter(member, program, standing, level, name, "name", 0, school);
		StreamingResponseBody body = out -> csv.export(member, filter, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=utf-8; header=present"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("pd-compliance-" + calendar.today() + ".csv")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(body);
	}

}
