package org.coachroom.studygroup.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import org.coachroom.lti.CourseContext;
import org.coachroom.lti.Member;
import org.coachroom.shared.DistrictClock;
import org.coachroom.shared.TenantId;
import org.coachroom.studygroup.files.FileSharing;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.group.GroupEditing;
import org.coachroom.studygroup.group.GroupPages;
import org.coachroom.studygroup.placement.Placements;
import org.coachroom.studygroup.reflection.ReflectionWriting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The new study group form's rules on the web layer alone: a form with mistakes comes
 * back marked, with a 400, and nothing reaches the service.
 */
// the launch module's own advice (refusals of launches) needs its session machinery
@WebMvcTest(controllers = StudyGroupController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.coachroom\\.lti\\..*"))
class StudyGroupFormWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GroupAccess access;

	@MockitoBean
	GroupEditing editing;

	@MockitoBean
	FileSharing files;

	@MockitoBean
	GroupPages pages;

	@MockitoBean
	Placements placements;

	@MockitoBean
	ReflectionWriting reflections;

	@MockitoBean
	Clock clock;

	@MockitoBean
	DistrictClock district;

	final Member coach = new Member(new TenantId(1), 7, "coach-7", "Carla Coach", null, Set.of("COACH"),
			new CourseContext(3, "course-3", "C3", "Reading"), "Test Moodle", null);

	@BeforeEach
	void aCoachMayCreate() {
		when(access.canCreate(any())).thenReturn(true);
		when(district.zone()).thenReturn(ZoneId.of("America/Chicago"));
	}

	@Test
	void aGroupWithNoTitleComesBackWithTheFieldsMessageAnd400AndNothingIsSaved() throws Exception {
		mvc.perform(post("/groups").with(authentication(signedIn(coach)))
			.with(csrf())
			.param("title", "  ")
			.param("purpose", "Read together")
			.param("creditUnit", "hours"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Fill this in.")));
		verify(editing, never()).create(any(), any(), any());
	}

	@Test
	void aTitleLongerThanTheLimitIsRefusedInPlainWords() throws Exception {
		mvc.perform(post("/groups").with(authentication(signedIn(coach)))
			.with(csrf())
			.param("title", "x".repeat(201))
			.param("purpose", "Read together")
			.param("creditUnit", "hours"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("200")));
		verify(editing, never()).create(any(), any(), any());
	}

	private static TestingAuthenticationToken signedIn(Member member) {
		TestingAuthenticationToken token = new TestingAuthenticationToken(member, "", "ROLE_COACH");
		token.setAuthenticated(true);
		return token;
	}

}
