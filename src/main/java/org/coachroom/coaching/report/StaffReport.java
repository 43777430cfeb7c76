package org.coachroom.coaching.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One edition of a coach's staff report for a period: the trends and themes and the
 * support offered next, in the coach's words. Printed (or downloaded), it is kept as it
 * was: its stories are copied in the wording printed, and a teacher's later withdrawal
 * reaches only editions not yet printed.
 */
@Table("coaching_report")
class StaffReport {

	@Id
	private Long id;

	private long tenantId;

	private long coachRef;

	private LocalDate periodStart;

	private int edition;

	private String trends;

	private String nextSupport;

	private Instant printedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "report", keyColumn = "report_key")
	private List<PrintedStory> stories = new ArrayList<>();

	/** A story as a printed edition holds it. */
	@Table("coaching_report_story")
	record PrintedStory(Long storyId, String wording) {
	}

	StaffReport() {
	}

	static StaffReport start(long tenantId, long coachRef, LocalDate periodStart, int edition, String trends,
			String nextSupport, Instant now) {
		StaffReport report = new StaffReport();
		report.tenantId = tenantId;
		report.coachRef = coachRef;
		report.periodStart = periodStart;
		report.edition = edition;
		report.trends = trends;
		report.nextSupport = nextSupport;
		report.createdAt = now;
		report.updatedAt = now;
		return report;
	}

	void write(String trends, String nextSupport, Instant now) {
		requireUnprinted();
		this.trends = trends;
		this.nextSupport = nextSupport;
		updatedAt = now;
	}

	/** Keeps the edition as printed, with the stories it printed. */
	void printed(List<PrintedStory> printed, Instant now) {
		requireUnprinted();
		stories = new ArrayList<>(printed);
		printedAt = now;
		updatedAt = now;
	}

	private void requireUnprinted() {
		if (printedAt != null) {
			throw new ReportPrintedException(periodStart);
		}
	}

	boolean isPrinted() {
		return printedAt != null;
	}

	Long getId() {
		return id;
	}

	int getEdition() {
		return edition;
	}

	String getTrends() {
		return trends;
	}

	String getNextSupport() {
		return nextSupport;
	}

	Instant getPrintedAt() {
		return printedAt;
	}

	Integer getVersion() {
		return version;
	}

	List<PrintedStory> getStories() {
		return List.copyOf(stories);
	}

}
