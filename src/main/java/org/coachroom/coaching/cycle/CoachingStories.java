package org.coachroom.coaching.cycle;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.coachroom.coaching.pair.CoachingAccess;
import org.coachroom.coaching.pair.CoachingCalendar;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Good-news stories: the coach drafts, the teacher approves in their wording or
 * withdraws, each checked against who is asking; and the approved wording a coach's staff
 * report may print, the one way a story leaves its cycle.
 */
@Service
@Transactional
public class CoachingStories {

	private static final Logger log = LoggerFactory.getLogger(CoachingStories.class);

	private final Stories stories;

	private final CoachingCycleAccess access;

	private final CoachingCalendar today;

	private final JdbcClient jdbc;

	private final Clock clock;

	CoachingStories(Stories stories, CoachingCycleAccess access, CoachingCalendar today, JdbcClient jdbc, Clock clock) {
		this.stories = stories;
		this.access = access;
		this.today = today;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A story the teacher approved, in the wording they approved. */
	public record Approved(long id, String wording) {
	}

	/**
	 * The stories approved now of this coach's cycles, drafted from {@code from} up to
	 * {@code until}: what an unprinted report prints.
	 */
	@Transactional(readOnly = true)
	public List<Approved> approvedFor(Member coach, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT id, approved_wording FROM coaching_story
				WHERE tenant_id = ? AND coach_ref = ? AND status = 'APPROVED' AND approved_wording IS NOT NULL
				  AND drafted_on >= ? AND drafted_on < ?
				ORDER BY drafted_on, id""")
			.params(coach.tenant().value(), coach.userId(), Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new Approved(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Transactional(readOnly = true)
	List<Story> of(CoachingCycle cycle) {
		return stories.findByCycleOrderByIdDesc(cycle.getId());
	}

	Story draft(Member coach, long cycleId, String wording) {
		CoachingCycle cycle = access.requireAsCoach(coach, cycleId);
		if (cycle.withTeam()) {
			// a story is one teacher's, approved in their own words: a team's cycle has
			// none
			throw new CoachingChangeRefusedException(cycleId, "coaching.story.team");
		}
		Story story = stories.save(Story.draft(cycle, wording, today.today(), clock.instant()));
		log.info("Good-news story {} drafted in coaching cycle {}", story.getId(), cycleId);
		return story;
	}

	void approve(Member teacher, long cycleId, long storyId, String wording) {
		access.requireAsTeacher(teacher, cycleId);
		Story story = find(cycleId, storyId);
		story.approve(wording, clock.instant());
		save(story, cycleId);
		log.info("Good-news story {} approved by its teacher", storyId);
	}

	void withdraw(Member teacher, long cycleId, long storyId) {
		access.requireAsTeacher(teacher, cycleId);
		Story story = find(cycleId, storyId);
		story.withdraw(clock.instant());
		save(story, cycleId);
		log.info("Good-news story {} withdrawn by its teacher", storyId);
	}

	void remove(Member coach, long cycleId, long storyId) {
		access.requireAsCoach(coach, cycleId);
		stories.delete(find(cycleId, storyId));
	}

	/** The story in this cycle; another cycle's story, or none, does not exist here. */
	Story find(long cycleId, long storyId) {
		return stories.findByIdAndCycle(storyId, cycleId)
			.orElseThrow(
					() -> new CoachingAccess.CoachingNotFoundException("story " + storyId, "coaching.not-found.story"));
	}

	private void save(Story story, long cycleId) {
		try {
			stories.save(story);
		}
		catch (OptimisticLockingFailureException e) {
			throw new CoachingChangeRefusedException(cycleId, "coaching.cycle.stale");
		}
	}

}
