package org.coachroom.pd.compliance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coachroom.lti.Member;
import org.coachroom.lti.People;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * HR's compliance view as CSV (RFC 4180, through Commons CSV): every row under the
 * filter, streamed from the database to the response one by one, UTF-8 with a byte order
 * mark so Excel reads names right, and every text cell neutralised so a spreadsheet never
 * runs it as a formula.
 */
@Component
public class ComplianceCsv {

	static final String[] HEADER = { "person_id", "person", "email", "school", "level", "program", "obligation",
			"standing", "due_on", "requirements_met", "requirements_total" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	/** Rows whose e-mail addresses are looked up at once. */
	private static final int BATCH = 500;

	private final JdbcTemplate streaming;

	private final ComplianceQueries queries;

	private final ComplianceAccess access;

	private final People people;

	private final MessageSource messages;

	ComplianceCsv(DataSource dataSource, ComplianceQueries queries, ComplianceAccess access, People people,
			MessageSource messages) {
		this.streaming = new JdbcTemplate(dataSource);
		// Connector/J streams rows one by one at this fetch size: the export's memory
		// stays flat
		this.streaming.setFetchSize(Integer.MIN_VALUE);
		this.queries = queries;
		this.access = access;
		this.people = people;
		this.messages = messages;
	}

	/** One row as read, before its e-mail address is looked up. */
	private record Row(long userRef, String name, String school, String level, String program, String obligation,
			String standing, String dueOn, int met, int total) {
	}

	/**
	 * Writes every row under the filter as CSV, row by row, however many there are: who
	 * (Coachroom's person number, name, e-mail), where (school, level), and the program's
	 * obligation and standing in the words the page uses.
	 */
	public void export(Member viewer, ComplianceQueries.Filter filter, OutputStream out) throws IOException {
		access.requirePeople(viewer);
		ComplianceQueries.Where where = queries.where(viewer.tenant().value(), filter, true);
		List<Object> params = new ArrayList<>(queries.standingParams());
		params.addAll(where.params());
		Locale locale = LocaleContextHolder.getLocale();
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		// the byte order mark: without it, Excel reads UTF-8 as the machine's code page
		// and garbles names
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, FORMAT);
		csv.printRecord((Object[]) HEADER);
		List<Row> batch = new ArrayList<>(BATCH);
		try {
			streaming.query("SELECT STRAIGHT_JOIN s.user_ref, s.person_name, sc.name, s.school_level, p.title, "
					+ "s.obligation, " + queries.standingExpression() + ", s.due_on, s.met, s.total FROM pd_standing s "
					+ "JOIN pd_program p ON p.id = s.program "
					+ "LEFT JOIN pd_school sc ON sc.id = s.school_id AND sc.tenant_id = s.tenant_id WHERE "
					+ where.sql() + " ORDER BY s.person_name, s.user_ref, s.program", rs -> {
						batch.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
								words("pd.level.", rs.getString(4), locale), rs.getString(5),
								words("pd.obligation.", rs.getString(6), locale),
								words("pd.standing.", rs.getString(7), locale),
								rs.getDate(8) == null ? "" : rs.getDate(8).toLocalDate().toString(), rs.getInt(9),
								rs.getInt(10)));
						if (batch.size() == BATCH) {
							print(viewer, batch, csv);
						}
					}, params.toArray());
			print(viewer, batch, csv);
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		csv.flush();
	}

	private void print(Member viewer, List<Row> batch, CSVPrinter csv) {
		Map<Long, People.Person> known = people.people(viewer.tenant(), batch.stream().map(Row::userRef).toList());
		try {
			for (Row row : batch) {
				People.Person person = known.get(row.userRef());
				csv.printRecord(row.userRef(), neutralise(row.name()),
						neutralise(person == null || person.email() == null ? "" : person.email()),
						neutralise(row.school()), row.level(), neutralise(row.program()), row.obligation(),
						row.standing(), row.dueOn(), row.met(), row.total());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		batch.clear();
	}

	/** A code (REQUIRED, NOT_STARTED) in the words the pages use; empty for none. */
	private String words(String prefix, String code, Locale locale) {
		return code == null ? "" : messages.getMessage(prefix + code, null, code, locale);
	}

	/**
	 * A leading =, +, -, @, tab or carriage return gets a ' first (OWASP's list), so a
	 * spreadsheet never runs a name as a formula.
	 */
	static String neutralise(String value) {
		String v = value == null ? "" : value;
		return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
	}

	/** One cell as the export writes it: neutralised, then quoted as RFC 4180 needs. */
	static String csv(String value) {
		StringBuilder cell = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(cell, FORMAT)) {
			printer.print(neutralise(value));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return cell.toString();
	}

}
