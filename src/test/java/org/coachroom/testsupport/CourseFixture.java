package org.coachroom.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.Launcher.Launched;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The course most feature tests start from: a test platform of its own, registered with
 * the custom role parameter {@code coachroom_role} (so a test can launch HR or a
 * principal into the same course), a fresh course, and its coach (Carla Coach, an
 * instructor) and teacher (Maria Lopez, a learner) launched into it. Start one in
 * {@code @BeforeEach}, close it in {@code @AfterEach}.
 */
public final class CourseFixture implements AutoCloseable {

	private final TestPlatform platform;

	private final Launcher launcher;

	private final String course;

	private final String title;

	private final Launched coach;

	private final Launched teacher;

	private CourseFixture(TestPlatform platform, Launcher launcher, String course, String title) {
		this.platform = platform;
		this.launcher = launcher;
		this.course = course;
		this.title = title;
		this.coach = launch("coach-" + course, "Carla Coach", TestPlatform.INSTRUCTOR);
		this.teacher = launch("t-" + course, "Maria Lopez", TestPlatform.LEARNER);
	}

	/**
	 * A course {@code PREFIX-<random>} titled {@code title} on a new platform, with its
	 * coach and teacher launched.
	 */
	public static CourseFixture start(int port, PlatformRegistry registry, JdbcClient jdbc, String prefix,
			String title) {
		TestPlatform platform = TestPlatform.start();
		try {
			platform.registerWith(registry, Map.of(), "coachroom_role");
			return new CourseFixture(platform, new Launcher(port, platform, jdbc), prefix + "-" + UUID.randomUUID(),
					title);
		}
		catch (RuntimeException | Error ex) {
			platform.close();
			throw ex;
		}
	}

	/** Someone else launched into the same course. */
	public Launched launch(String sub, String name, String ltiRole) {
		return launcher.launch(sub, name, ltiRole, course, title);
	}

	/** Someone else launched into the same course with all these LTI roles. */
	public Launched launch(String sub, String name, List<String> ltiRoles) {
		return launcher.launch(sub, name, ltiRoles, course, title, Map.of());
	}

	/**
	 * Someone else launched into the same course with custom parameters (e.g.
	 * {@code coachroom_role=HR}).
	 */
	public Launched launch(String sub, String name, String ltiRole, Map<String, String> custom) {
		return launcher.launch(sub, name, ltiRole, course, title, custom);
	}

	public TestPlatform platform() {
		return platform;
	}

	public Launcher launcher() {
		return launcher;
	}

	/** The course's context id. */
	public String course() {
		return course;
	}

	public String title() {
		return title;
	}

	public Launched coach() {
		return coach;
	}

	public Launched teacher() {
		return teacher;
	}

	@Override
	public void close() {
		platform.close();
	}

}
