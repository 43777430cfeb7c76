package org.coachroom.pd;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.coachroom.lti.Member;
import org.coachroom.pd.catalog.Catalog;
import org.coachroom.shared.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's schools: a district admin lists them, each person names theirs in their
 * profile, and HR's view and principals' counts go per school.
 */
@Service
public class Schools {

	private final JdbcClient jdbc;

	private final Clock clock;

	Schools(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A school of the district. */
	public record School(long id, String name, SchoolLevel level, boolean archived) {
	}

	private static final RowMapper<School> SCHOOL = (rs, i) -> new School(rs.getLong(1), rs.getString(2),
			SchoolLevel.valueOf(rs.getString(3)), rs.getBoolean(4));

	/** The schools a person can name: the district's, archived ones aside, by name. */
	public List<School> open(long tenantId) {
		return all(tenantId).stream().filter(s -> !s.archived()).toList();
	}

	public List<School> all(long tenantId) {
		return jdbc
			.sql("SELECT id, name, school_level, archived FROM pd_school WHERE tenant_id = ? ORDER BY archived, name")
			.param(tenantId)
			.query(SCHOOL)
			.list();
	}

	public Optional<School> find(long tenantId, long id) {
		return jdbc.sql("SELECT id, name, school_level, archived FROM pd_school WHERE tenant_id = ? AND id = ?")
			.params(tenantId, id)
			.query(SCHOOL)
			.optional();
	}

	/**
	 * A district admin adds a school; a blank, over-long or taken name is refused with
	 * its reason.
	 */
	@Transactional
	public void add(Member admin, String name, SchoolLevel level) {
		requireAdmin(admin);
		String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty() || clean.length() > 200) {
			throw new RecordingRefusedException("pd.school.name");
		}
		if (level == null) {
			throw new RecordingRefusedException("pd.school.level");
		}
		try {
			jdbc.sql(
					"INSERT INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, ?, FALSE, ?)")
				.params(admin.tenant().value(), clean, level.name(), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new RecordingRefusedException("pd.school.taken");
		}
	}

	/**
	 * Lists a school for a district set up in advance (the demo district), once: a school
	 * already listed under that name is left as it is.
	 */
	@Transactional
	public void listAtSetUp(TenantId tenant, String name, SchoolLevel level) {
		jdbc.sql(
				"INSERT IGNORE INTO pd_school (tenant_id, name, school_level, archived, created_at) VALUES (?, ?, ?, FALSE, ?)")
			.params(tenant.value(), name, level.name(), Timestamp.from(clock.instant()))
			.update();
	}

	/** Archived, a school is offered to no one new; the people who named it keep it. */
	@Transactional
	public void archive(Member admin, long id, boolean archived) {
		requireAdmin(admin);
		int changed = jdbc.sql("UPDATE pd_school SET archived = ? WHERE id = ? AND tenant_id = ?")
			.params(archived, id, admin.tenant().value())
			.update();
		if (changed == 0) {
			throw new ProgramNotFoundException(ProgramNotFoundException.What.SCHOOL, String.valueOf(id));
		}
	}

	private static void requireAdmin(Member member) {
		if (!Catalog.manages(member)) {
			throw ProgramNotFoundException.page("schools");
		}
	}

}
