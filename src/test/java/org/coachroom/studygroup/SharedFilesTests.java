package org.coachroom.studygroup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.studygroup.files.FileSharing;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.OfficeFiles;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files a coach shares with a group: kind checked by content, size limited, served only
 * as downloads to members.
 */
@LaunchTest
class SharedFilesTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyGroupManagement management;

	@Autowired
	FileSharing fileSharing;

	Launched coach;

	Launched member;

	Launched teacher;

	long groupId;

	@BeforeAll
	static void start() {
		platform = TestPlatform.start();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void setUp() {
		platform.registerWith(registry);
		Launcher launcher = new Launcher(port, platform, jdbc);
		String course = "files-" + UUID.randomUUID();
		coach = launcher.launch("c-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		member = launcher.launch("m-" + course, "Mia Member", TestPlatform.LEARNER, course, "Hub");
		teacher = launcher.launch("t-" + course, "Tom Teacher", TestPlatform.LEARNER, course, "Hub");
		groupId = management
			.create(coach.member(),
					new StudyGroup.Details("Files study", "Purpose", null, StudyGroup.Kind.BOOK_STUDY, null, null,
							StudyGroup.Visibility.OPEN, new BigDecimal("2"), "clock hours", List.of()),
					CompletionRule.DISTRICT_DEFAULT)
			.getId();
		management.addMembers(coach.member(), groupId, List.of(member.member().userId()));
	}

	private LaunchClient.Response upload(LaunchClient browser, String name, String claimedType, byte[] content) {
		return browser.postFile("/groups/" + groupId + "/files",
				Map.of("_csrf", browser.csrfFrom("/groups/" + groupId)), "file", name, claimedType, content);
	}

	@Test
	void aPdfIsSharedAndMembersDownloadItAsAnAttachmentWithSafeHeaders() {
		LaunchClient c = coach.browser();
		assertThat(upload(c, "..\\..\\Chapter 1 <notes>.pdf", "application/pdf", PDF).status()).isEqualTo(302);
		long fileId = jdbc.sql("SELECT id FROM study_group_file WHERE study_group = ?")
			.param(groupId)
			.query(Long.class)
			.single();
		assertThat(
				jdbc.sql("SELECT name FROM study_group_file WHERE id = ?").param(fileId).query(String.class).single())
			.isEqualTo("Chapter 1 _notes_.pdf");

		LaunchClient.Response download = member.browser().get("/groups/" + groupId + "/files/" + fileId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");

		assertThat(teacher.browser().get("/groups/" + groupId + "/files/" + fileId).status()).isEqualTo(404);
		assertThat(member.browser().get("/groups/" + groupId).body()).contains("Chapter 1 _notes_.pdf");
	}

	@Test
	void aFileIsJudgedByItsContentNotItsNameOrClaimedType() {
		LaunchClient c = coach.browser();
		upload(c, "handout.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		upload(c, "page.html", "text/html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		upload(c, "archive.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				zip("evil.sh"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_file WHERE study_group = ?")
			.param(groupId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(c.get("/groups/" + groupId).body()).contains("That kind of file is not shared here");

		upload(c, "plan", "application/octet-stream", zip("[Content_Types].xml", "word/document.xml"));
		assertThat(jdbc.sql("SELECT name FROM study_group_file WHERE study_group = ?")
			.param(groupId)
			.query(String.class)
			.single()).isEqualTo("plan.docx");
	}

	@Test
	void anOldBinaryWordDocumentIsSharedAndServedAsAWordAttachmentButAnOldExcelFileIsNot() {
		LaunchClient c = coach.browser();
		assertThat(c.get("/groups/" + groupId).body()).contains(".docx,.doc,");
		upload(c, "budget.xls", "application/vnd.ms-excel", OfficeFiles.excelWorkbook());
		assertThat(c.get("/groups/" + groupId).body()).contains("That kind of file is not shared here");
		upload(c, "Reading plan.doc", "application/msword", OfficeFiles.wordDocument());
		long fileId = jdbc.sql("SELECT id FROM study_group_file WHERE study_group = ?")
			.param(groupId)
			.query(Long.class)
			.single();
		LaunchClient.Response download = member.browser().get("/groups/" + groupId + "/files/" + fileId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/msword");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("Reading");
	}

	@Test
	void anEmptyOrOversizedUploadIsRefusedWithAMessage() {
		LaunchClient c = coach.browser();
		upload(c, "empty.pdf", "application/pdf", new byte[0]);
		assertThat(c.get("/groups/" + groupId).body()).contains("Choose a file first");

		byte[] big = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		LaunchClient.Response answer = upload(c, "big.pdf", "application/pdf", big);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("too large").doesNotContain("Exception");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_file WHERE study_group = ?")
			.param(groupId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRefusedUploadIsShownBesideTheFileFieldWhereTheRedirectLands() {
		LaunchClient c = coach.browser();
		LaunchClient.Response refused = upload(c, "empty.pdf", "application/pdf", new byte[0]);
		assertThat(refused.location()).endsWith("#files");
		String page = c.get("/groups/" + groupId).body();
		// the page jumps to #files: a refusal at the top of the page is out of view
		assertThat(page).containsPattern("(?s)id=\"files\".*aria-describedby=\"file-error\""
				+ ".*id=\"file-error\"[^>]*>Choose a file first.*id=\"share-file\"");
		assertThat(page.indexOf("Choose a file first")).isGreaterThan(page.indexOf("id=\"files\""));
	}

	@Test
	void onlyTheGroupsManagersShareOrRemoveFiles() {
		LaunchClient m = member.browser();
		assertThat(upload(m, "mine.pdf", "application/pdf", PDF).status()).isEqualTo(404);
		long fileId = fileSharing.shareFile(coach.member(), groupId, "reading.pdf", PDF);
		assertThat(m
			.post("/groups/" + groupId + "/files/" + fileId + "/delete",
					Map.of("_csrf", m.csrfFrom("/groups/" + groupId)))
			.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM study_group_file WHERE id = ?")
			.param(fileId)
			.query(Integer.class)
			.single()).isOne();
	}

	private static byte[] zip(String... entries) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (String entry : entries) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write("x".getBytes(StandardCharsets.US_ASCII));
					zip.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
