package org.coachroom.pd.placement;

import java.util.Optional;

import org.coachroom.access.CoachingPrivacy;
import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.lti.ScoreReportAccess;
import org.coachroom.pd.CourseItems;
import org.coachroom.pd.catalog.Programs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gradebook reports of placed PD items (a whole program, or one requirement): for the
 * people who place PD, the district's coaches and admins, never whoever also holds a
 * principal's or HR's role (the report names teachers).
 */
abstract class PdScoreReports implements ScoreReportAccess {

	private final JdbcClient jdbc;

	private final Programs programs;

	PdScoreReports(JdbcClient jdbc, Programs programs) {
		this.jdbc = jdbc;
		this.programs = programs;
	}

	abstract boolean wholeProgram();

	@Override
	@Transactional(readOnly = true)
	public Optional<Reported> managedBy(Member member, long itemId) {
		if (!CourseItems.mayPlace(member) || CoachingPrivacy.evaluative(member)) {
			return Optional.empty();
		}
		record Item(long program, String requirementCode) {
		}
		return jdbc.sql("SELECT program, requirement_code FROM pd_course_item WHERE tenant_id = ? AND id = ?")
			.params(member.tenant().value(), itemId)
			.query((rs, i) -> new Item(rs.getLong(1), rs.getString(2)))
			.optional()
			.filter(item -> item.requirementCode().isEmpty() == wholeProgram())
			.flatMap(item -> programs.findById(item.program())
				.filter(p -> p.getTenantId() == member.tenant().value())
				.map(p -> new Reported(wholeProgram() ? p.getTitle()
						: p.requirement(item.requirementCode())
							.map(r -> p.getTitle() + ": " + r.title())
							.orElse(p.getTitle()),
						"/pd/programs/" + p.getCode())));
	}

	@Component
	static class WholePrograms extends PdScoreReports {

		WholePrograms(JdbcClient jdbc, Programs programs) {
			super(jdbc, programs);
		}

		@Override
		boolean wholeProgram() {
			return true;
		}

		@Override
		public String source() {
			return CoursePlacements.PROGRAM_SOURCE;
		}

		@Override
		public String segment() {
			return "pd-programs";
		}

	}

	@Component
	static class Requirements extends PdScoreReports {

		Requirements(JdbcClient jdbc, Programs programs) {
			super(jdbc, programs);
		}

		@Override
		boolean wholeProgram() {
			return false;
		}

		@Override
		public String source() {
			return CoursePlacements.REQUIREMENT_SOURCE;
		}

		@Override
		public String segment() {
			return "pd-requirements";
		}

	}

}
