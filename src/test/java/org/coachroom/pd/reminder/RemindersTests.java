package org.coachroom.pd.reminder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher.Launched;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest, delivered to an in-process SMTP server: who gets what, once a week,
 * and what people see of it.
 */
@LaunchTest
class RemindersTests {

	private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	TestPlatform platform;

	GreenMail smtp;

	JavaMailSenderImpl sender;

	long tenant;

	@BeforeEach
	void setUp() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		platform = TestPlatform.start();
		tenant = platform.registerWith(registry, Map.of(), "coachroom_role").tenants().get(0).value();
	}

	@AfterEach
	void tearDown() {
		platform.close();
		smtp.stop();
	}

	private static void profile(LaunchClient browser, String level, String start) {
		browser.post("/pd/profile",
				Map.of("schoolLevel", level, "roleStartedOn", start, "_csrf", browser.csrfFrom("/pd")));
	}

	@Test
	void peopleDueSoonOrOverdueAndHrGetOneDigestAWeekAndSeeWhatWasSent() throws Exception {
		String course = "mail-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		Launched done = launcher.launch("t-" + course, "Tom Teacher", TestPlatform.LEARNER, course, "Hub");
		launcher.launch("hr-" + course, "Helen HR", ADMINISTRATOR, course, "Hub", Map.of("coachroom_role", "HR"));
		profile(coach.browser(), "ELEMENTARY", "2023-01-02");
		// a secondary teacher in year one: induction is due in three years, nothing to
		// remind
		profile(done.browser(), "SECONDARY", LocalDate.now().minusMonths(1).toString());

		int sent = reminders.sendWeek(tenant, LocalDate.now(), sender);

		assertThat(sent).isEqualTo(2);
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(messages).hasSize(2);
		assertThat(Arrays.stream(messages).map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		})).containsExactlyInAnyOrder("Your PD: programs due soon or overdue",
				"PD programs: this week's overdue and due soon");
		String digest = Arrays.stream(messages)
			.map(GreenMailUtil::getBody)
			.filter(b -> b.contains("Hello"))
			.findFirst()
			.orElseThrow();
		assertThat(digest).contains("Carla Coach").contains("LETRS (3rd edition): was due 2 January 2026");
		String hrDigest = Arrays.stream(messages)
			.map(GreenMailUtil::getBody)
			.filter(b -> !b.contains("Hello"))
			.findFirst()
			.orElseThrow();
		// HR's mail carries counts, not names
		assertThat(hrDigest).contains("LETRS (3rd edition): 1 overdue, 0 due soon").doesNotContain("Carla");

		assertThat(reminders.sendWeek(tenant, LocalDate.now(), sender)).as("once a week").isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(coach.browser().get("/pd").body()).contains("Reminders sent to you")
			.contains("Your PD: programs due soon or overdue");
		assertThat(done.browser().get("/pd").body()).doesNotContain("Reminders sent to you");
	}

	@Test
	void eachReminderIsWrittenInTheLanguageOfItsReadersLms() throws Exception {
		String course = "mail-es-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched coach = launcher.inLanguage("es_mx")
			.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		launcher.inLanguage("es")
			.launch("hr-es-" + course, "Helena RH", ADMINISTRATOR, course, "Hub", Map.of("coachroom_role", "HR"));
		launcher.launch("hr-en-" + course, "Helen HR", ADMINISTRATOR, course, "Hub", Map.of("coachroom_role", "HR"));
		profile(coach.browser(), "ELEMENTARY", "2023-01-02");

		assertThat(reminders.sendWeek(tenant, LocalDate.now(), sender)).isEqualTo(3);

		Map<String, String> bySubject = new java.util.HashMap<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			bySubject.put(m.getSubject(), ((String) m.getContent()).strip());
		}
		assertThat(bySubject).containsOnlyKeys("Su desarrollo profesional: programas que vencen pronto o ya vencidos",
				"Programas de desarrollo profesional: vencidos y por vencer esta semana",
				"PD programs: this week's overdue and due soon");
		assertThat(bySubject.get("Su desarrollo profesional: programas que vencen pronto o ya vencidos"))
			.contains("Hola, Carla Coach:")
			.contains("LETRS (3rd edition): venció el 2 de enero de 2026");
		assertThat(bySubject.get("Programas de desarrollo profesional: vencidos y por vencer esta semana"))
			.contains("LETRS (3rd edition): 1 vencido, 0 vencen pronto");
		assertThat(bySubject.get("PD programs: this week's overdue and due soon"))
			.contains("LETRS (3rd edition): 1 overdue, 0 due soon");
	}

	@Test
	void remindersTheSmtpServerCouldNotTakeAreSentOnTheNextRun() {
		String course = "down-" + UUID.randomUUID();
		Launched coach = new Launcher(port, platform, jdbc).launch("coach-" + course, "Carla Coach",
				TestPlatform.INSTRUCTOR, course, "Hub");
		profile(coach.browser(), "ELEMENTARY", "2023-01-02");
		smtp.stop();

		assertThat(reminders.sendWeek(tenant, LocalDate.now(), sender)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_reminder WHERE tenant_id = ?")
			.param(tenant)
			.query(Integer.class)
			.single()).as("nothing claims to have been sent").isZero();

		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		sender.setPort(smtp.getSmtp().getPort());
		assertThat(reminders.sendWeek(tenant, LocalDate.now(), sender)).isOne();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void withoutAnSmtpServerRemindersAreKeptInAnOutboxOnlyTheDistrictAdminReads() {
		String course = "outbox-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		Launched coach = launcher.launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR, course, "Hub");
		Launched admin = launcher.launch("admin-" + course, "Ada Admin", ADMINISTRATOR, course, "Hub");
		profile(coach.browser(), "ELEMENTARY", "2023-01-02");

		assertThat(reminders.sendWeek(tenant, LocalDate.now(), null)).as("kept, one digest").isOne();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		LaunchClient.Response outbox = admin.browser().get("/pd/reminders");
		assertThat(outbox.status()).isEqualTo(200);
		assertThat(outbox.body()).contains("Your PD: programs due soon or overdue")
			.contains("teacher1@example.com")
			.contains("LETRS (3rd edition)")
			.contains("Not sent (no mail server)")
			.contains("Hello Carla Coach");
		assertThat(admin.browser().get("/pd/catalog").body()).contains("href=\"/pd/reminders\"");
		// not delivered, so not among the reminders the person was sent
		assertThat(coach.browser().get("/pd").body()).doesNotContain("Reminders sent to you");
		for (LaunchClient other : new LaunchClient[] { coach.browser(),
				launcher.launch("t-" + course, "Tom Teacher", TestPlatform.LEARNER, course, "Hub").browser(),
				launcher
					.launch("hr-" + course, "Helen HR", TestPlatform.INSTRUCTOR, course, "Hub",
							Map.of("coachroom_role", "HR"))
					.browser() }) {
			assertThat(other.get("/pd/reminders").status()).isEqualTo(404);
		}
	}

	@Test
	void theOutboxListsNewestFirstAPageAtATime() {
		String course = "pages-" + UUID.randomUUID();
		Launched admin = new Launcher(port, platform, jdbc).launch("admin-" + course, "Ada Admin", ADMINISTRATOR,
				course, "Hub");
		Instant start = Instant.parse("2026-01-05T07:00:00Z");
		for (int i = 0; i < ReminderOutbox.PAGE_SIZE + 3; i++) {
			jdbc.sql(
					"""
							INSERT INTO pd_reminder (tenant_id, user_ref, week, sent_to, subject, body, sent_at, delivered, programs)
							VALUES (?, ?, ?, 'ada@example.org', ?, 'Hello', ?, TRUE, 'LETRS')""")
				.params(tenant, admin.member().userId(), "W" + i, "Reminder number " + i + ".",
						Timestamp.from(start.plus(Duration.ofDays(7L * i))))
				.update();
		}

		String first = admin.browser().get("/pd/reminders").body();
		int newest = first.indexOf("Reminder number " + (ReminderOutbox.PAGE_SIZE + 2) + ".");
		assertThat(newest).isPositive().isLessThan(first.indexOf("Reminder number 3."));
		assertThat(first).doesNotContain("Reminder number 2.").contains("id=\"older-page\"");
		String second = admin.browser().get("/pd/reminders?page=1").body();
		assertThat(second).contains("Reminder number 2.", "Reminder number 0.")
			.doesNotContain("Reminder number 3.")
			.contains("id=\"newer-page\"")
			.doesNotContain("id=\"older-page\"");
		assertThat(admin.browser().get("/pd/reminders?page=-1").status()).isEqualTo(200);
	}

}
