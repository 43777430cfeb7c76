package org.coachroom.pd.evidence;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coachroom.lti.People;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.catalog.AssignmentRule;
import org.coachroom.pd.catalog.Audience;
import org.coachroom.pd.catalog.DeadlineRule;
import org.coachroom.pd.catalog.Obligation;
import org.coachroom.pd.catalog.PdProfile;
import org.coachroom.pd.catalog.Program;
import org.coachroom.pd.catalog.Requirement;
import org.coachroom.pd.catalog.RequirementKind;
import org.coachroom.pd.tracking.PdCalendar;
import org.coachroom.pd.tracking.ProgramProgress;
import org.coachroom.pd.tracking.ProgramStatus;
import org.coachroom.pd.tracking.Standing;
import org.coachroom.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Certificates print every name as written (Vietnamese, Chinese), in fonts the PDF
 * carries with it.
 */
class CertificatePdfTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void vietnameseAndChineseNamesAreTextInEmbeddedFonts() throws IOException {
		for (String name : List.of("Thị Hương Nguyễn", "王芳", "Zoë O'Brien-Łukasiewicz")) {
			byte[] pdf = CertificatePdf.render("Certificate",
					List.of(new CertificatePdf.Line("Certificate of completion", 30, true, 470),
							new CertificatePdf.Line(name, 26, true, 385)),
					140, "Signature");
			try (PDDocument document = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains(name).contains("Certificate of completion").contains("Signature");
				List<PDFont> fonts = fonts(document);
				assertThat(fonts).isNotEmpty();
				assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
			}
		}
	}

	@Test
	void aCharacterNoFontHasPrintsAsAQuestionMarkNotAnError() throws IOException {
		byte[] pdf = CertificatePdf.render("Certificate",
				List.of(new CertificatePdf.Line("Ana \uD83D\uDE00 Bell\u0007", 26, true, 385)), 0, "");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Ana ? Bell?");
		}
	}

	@Test
	void aCertificateNamesTheDistrictTheHoursAndItsOneRequirementInTheSingular() throws IOException {
		Program program = Program.define(1,
				new Program.Definition("eye", "Entry Years Enhancement", null, DeadlineRule.none(),
						List.of(new Requirement("days", "Face-to-face days", null, RequirementKind.HOURS, null, 0,
								new BigDecimal("12"), "clock hours", false)),
						List.of(new AssignmentRule(Obligation.REQUIRED, Audience.TEACHER, SchoolLevel.ANY, null))),
				"1", NOW);
		withId(program);
		ProgramProgress progress = ProgramProgress.start(program, 3, NOW);
		progress.recordHours(program.getRequirements().get(0), new BigDecimal("12.5"), LocalDate.parse("2026-11-20"),
				NOW);
		PdProfile teacher = new PdProfile(Audience.TEACHER, SchoolLevel.ANY, null);
		ProgramStatus status = ProgramProgress.evaluate(program, progress, teacher, Obligation.REQUIRED,
				LocalDate.parse("2026-11-23"), Period.ofDays(30));
		assertThat(status.standing()).isEqualTo(Standing.COMPLETE);
		People people = mock(People.class);
		when(people.tenantName(any(TenantId.class))).thenReturn(Optional.of("Lincoln Public Schools"));
		PdCalendar calendar = mock(PdCalendar.class);
		when(calendar.zone()).thenReturn(ZoneOffset.UTC);
		when(calendar.today()).thenReturn(LocalDate.parse("2026-11-23"));
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Certificates certificates = new Certificates(null, null, people, calendar, Clock.fixed(NOW, ZoneOffset.UTC),
				messages);
		byte[] pdf = certificates.certificateOf(1, 3, "Thị Hương Nguyễn", status).orElseThrow();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Lincoln Public Schools")
				.contains("Thị Hương Nguyễn")
				.contains("Entry Years Enhancement")
				.contains("12.5 clock hours")
				.contains("Its one requirement met")
				.doesNotContain("All 1 requirements");
		}
	}

	private static void withId(Program program) {
		try {
			var id = Program.class.getDeclaredField("id");
			id.setAccessible(true);
			id.set(program, 7L);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<PDFont> fonts(PDDocument document) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		PDResources resources = document.getPage(0).getResources();
		for (var name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		return fonts;
	}

}
