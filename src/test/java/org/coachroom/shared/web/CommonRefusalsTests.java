package org.coachroom.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Two changes at once, in any module that does not word it itself: a 409 page, never a
 * 500.
 */
class CommonRefusalsTests {

	@Controller
	static class Racing {

		@GetMapping("/stale")
		String stale() {
			throw new OptimisticLockingFailureException("row changed");
		}

		@GetMapping("/twice")
		String twice() {
			throw new DuplicateKeyException("already there");
		}

		@GetMapping("/gone")
		String gone() {
			throw new Refusal(HttpStatus.NOT_FOUND, "No thing 7", "thing.not-found.title", "thing.not-found.body",
					new Refusal.Back("/things", "thing.back"), 7);
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Racing())
		.setControllerAdvice(new CommonRefusals())
		.build();

	@Test
	void aChangeMadeMeanwhileOrTwiceIsA409PageThatSaysSo() throws Exception {
		for (String path : new String[] { "/stale", "/twice" }) {
			mvc.perform(get(path))
				.andExpect(status().isConflict())
				.andExpect(view().name("refused"))
				.andExpect(model().attribute("reason", "refused.concurrent"));
		}
	}

	@Test
	void aModulesRefusalIsTheOneRefusalPageWithItsStatusWordsAndWayBack() throws Exception {
		mvc.perform(get("/gone"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("refused"))
			.andExpect(model().attribute("heading", "thing.not-found.title"))
			.andExpect(model().attribute("reason", "thing.not-found.body"))
			.andExpect(model().attribute("back", "/things"))
			.andExpect(model().attribute("backLabel", "thing.back"));
	}

}
