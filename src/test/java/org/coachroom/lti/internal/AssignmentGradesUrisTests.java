package org.coachroom.lti.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.coachroom.lti.AssignmentGrades.LineItemSpec;
import org.junit.jupiter.api.Test;

/** The AGS addresses as the LMS expects them, from the URLs it gave. */
class AssignmentGradesUrisTests {

	@Test
	void scoresGoBeforeMoodlesTypeIdQuery() {
		assertThat(AssignmentGradesClient
			.scoresUrl("https://moodle.example/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1"))
			.hasToString("https://moodle.example/mod/lti/services.php/2/lineitems/9/lineitem/scores?type_id=1");
		assertThat(AssignmentGradesClient.scoresUrl("https://canvas.example/api/lti/courses/1/line_items/7/"))
			.hasToString("https://canvas.example/api/lti/courses/1/line_items/7/scores");
	}

	@Test
	void lineItemLookUpAddsItsParametersEncodedToTheLmsQueryAsGiven() {
		LineItemSpec spec = new LineItemSpec("Group", BigDecimal.valueOf(100), "study-group-1", "a tag+&=", "1/2");

		assertThat(AssignmentGradesClient
			.lineItemsFor("https://moodle.example/mod/lti/services.php/2/lineitems?type_id=1&x=a%2Fb", spec))
			.hasToString("https://moodle.example/mod/lti/services.php/2/lineitems?type_id=1&x=a%2Fb"
					+ "&resource_link_id=1%2F2&tag=a%20tag%2B%26%3D");
	}

}
