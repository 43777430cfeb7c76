package org.coachroom.studygroup;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion rule as the group page words it: "at least 1 member", never "1 members".
 */
class RuleSummaryWordingTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
	}

	private String summary(String basis, int minimumMembers) {
		return messages.getMessage("studygroup.rule.summary." + basis, new Object[] { 80, 0, 0, minimumMembers },
				Locale.ENGLISH);
	}

	@Test
	void oneMemberIsSingularAndMoreArePlural() {
		for (String basis : new String[] { "SHARE", "COUNT" }) {
			assertThat(summary(basis, 1)).endsWith("credit needs at least 1 member.");
			assertThat(summary(basis, 3)).endsWith("credit needs at least 3 members.");
		}
	}

}
