package org.coachroom.studygroup.web;

import java.util.List;
import java.util.Optional;

import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.Member;
import org.coachroom.lti.PlaceableContent;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.GroupSummary;
import org.coachroom.studygroup.group.GroupAccess;
import org.coachroom.studygroup.placement.Placements;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Study groups in the deep linking picker: each group its own link, with its own
 * gradebook column.
 */
@Component
@Order(10)
class StudyGroupPlaceables implements PlaceableContent {

	private final Placements placements;

	private final GroupAccess access;

	StudyGroupPlaceables(Placements placements, GroupAccess access) {
		this.placements = placements;
		this.access = access;
	}

	/** What the picker's study group section shows. */
	record Choices(List<GroupSummary> groups, boolean mayCreate) {
	}

	@Override
	public String kind() {
		return "study-groups";
	}

	@Override
	public Optional<Section> sectionFor(Member member) {
		Choices choices = new Choices(placements.placeable(member), access.canCreate(member));
		return choices.mayCreate() || !choices.groups().isEmpty()
				? Optional.of(new Section("studygroup/placeable", choices)) : Optional.empty();
	}

	@Override
	public DeepLinking.ResourceLink place(Member member, String id, Choice choice) {
		if (id == null) {
			throw new GroupNotFoundException(0);
		}
		long groupId;
		try {
			groupId = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new BadGroupInputException("not a group: " + id);
		}
		return placements.contentItem(member, groupId);
	}

	@Override
	public String placingMessage() {
		return "Adding the study group to your course…";
	}

}
