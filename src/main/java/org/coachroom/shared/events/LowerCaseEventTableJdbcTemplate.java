package org.coachroom.shared.events;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The JdbcTemplate Spring Modulith's event publication registry is given. Modulith 2.1 names its table
 * {@code EVENT_PUBLICATION} in upper case and has no setting for it; MySQL and MariaDB on Linux compare
 * table names case-sensitively, and our schema keeps every table lower-case. So the registry's
 * statements (and only its) are sent with the lower-case name.
 */
class LowerCaseEventTableJdbcTemplate extends JdbcTemplate {

	private static final Pattern TABLE = Pattern.compile("\\bEVENT_PUBLICATION(_ARCHIVE)?\\b");

	LowerCaseEventTableJdbcTemplate(DataSource dataSource) {
		super(dataSource);
	}

	static String lowerCase(String sql) {
		return TABLE.matcher(sql).replaceAll(match -> match.group().toLowerCase(java.util.Locale.ROOT));
	}

	@Override
	public void execute(String sql) throws DataAccessException {
		super.execute(lowerCase(sql));
	}

	@Override
	public <T> T query(String sql, ResultSetExtractor<T> rse) throws DataAccessException {
		return super.query(lowerCase(sql), rse);
	}

	@Override
	public <T> T query(String sql, PreparedStatementSetter pss, ResultSetExtractor<T> rse) throws DataAccessException {
		return super.query(lowerCase(sql), pss, rse);
	}

	@Override
	public int update(String sql, PreparedStatementSetter pss) throws DataAccessException {
		return super.update(lowerCase(sql), pss);
	}
}
