package org.coachroom.pd.compliance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coachroom.lti.Member;
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

	static final String[] HEADER = { "person", "program", "obligation", "standing", "due_on", "requirements_met",
			"requirements_total" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	private final JdbcTemplate streaming;

	private final ComplianceQueries queries;

	private final ComplianceAccess access;

	ComplianceCsv(DataSource dataSource, ComplianceQueries queries, ComplianceAccess access) {
		this.streaming = new JdbcTemplate(dataSource);
		// Connector/J streams rows one by one at this fetch size: the export's memory
		// stays flat
		this.streaming.setFetchSize(Integer.MIN_VALUE);
		this.queries = queries;
		this.access = access;
	}

	/** Writes every row under the filter as CSV, row by row, however many there are. */
	public void export(Member viewer, ComplianceQueries.Filter filter, OutputStream out) throws IOException {
		access.requirePeople(viewer);
		ComplianceQueries.Where where = queries.where(viewer.tenant().value(), filter, true);
		List<Object> params = new ArrayList<>(queries.standingParams());
		params.addAll(where.params());
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		// the byte order mark: without it, Excel reads UTF-8 as the machine's code page
		// and garbles names
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, FORMAT);
		csv.printRecord((Object[]) HEADER);
		try {
			streaming.query("SELECT STRAIGHT_JOIN s.person_name, p.title, s.obligation, " + queries.standingExpression()
					+ ", s.due_on, s.met, s.total FROM pd_standing s JOIN pd_program p ON p.id = s.program WHERE "
					+ where.sql() + " ORDER BY s.person_name, s.user_ref, s.program", rs -> {
						try {
							csv.printRecord(neutralise(rs.getString(1)), neutralise(rs.getString(2)),
									neutralise(rs.getString(3)), rs.getString(4),
									rs.getDate(5) == null ? "" : rs.getDate(5).toLocalDate().toString(), rs.getInt(6),
									rs.getInt(7));
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					}, params.toArray());
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		csv.flush();
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
