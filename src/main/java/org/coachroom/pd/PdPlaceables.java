package org.coachroom.pd;

import java.util.List;
import java.util.Optional;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlaceableContent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * PD programs in the deep linking picker: a program, or one requirement of it, its own
 * link and gradebook column.
 */
@Component
@Order(30)
class PdPlaceables implements PlaceableContent {

	private final CourseItems items;

	PdPlaceables(CourseItems items) {
		this.items = items;
	}

	@Override
	public String kind() {
		return "pd";
	}

	@Override
	public Optional<Section> sectionFor(Member member) {
		List<CourseItems.Placeable> programs = items.placeable(member);
		return programs.isEmpty() ? Optional.empty() : Optional.of(new Section("pd/placeable", programs));
	}

	@Override
	public DeepLinking.ResourceLink place(Member member, String code, Choice choice) {
		if (code == null) {
			throw new ProgramNotFoundException("");
		}
		return items.contentItem(member, code, choice.part().orElse(null));
	}

	@Override
	public String placingMessage() {
		return "Adding the program to your course…";
	}

}
