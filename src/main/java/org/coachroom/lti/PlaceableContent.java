package org.coachroom.lti;

import java.util.Optional;

import jakarta.validation.constraints.Size;

/**
 * Content a module offers to place in a course through LTI Deep Linking. The picker (the
 * page a coach sees after "Select content") shows each implementation's section and
 * answers a choice at {@code POST /deep-linking/{kind}} or
 * {@code /deep-linking/{kind}/{id}} with the link it returns; it knows no module. It
 * lives here, beside {@link DeepLinking}, because {@code shared} cannot name a member or
 * a content item without depending on this module.
 */
public interface PlaceableContent {

	/**
	 * The name in the picker's address ({@code study-groups}, {@code pd}, {@code team}).
	 */
	String kind();

	/**
	 * What the picker shows of this content to the member: a template defining the
	 * fragment {@code placeable(section)}, and the model it is called with; empty to show
	 * nothing. Sections show in the beans' {@code @Order}.
	 */
	Optional<Section> sectionFor(Member member);

	/**
	 * The content item for the member's choice: {@code id} from the address (null when
	 * the address has none), {@code choice} what the picker's form adds. Refuses (a
	 * not-found exception of the module) what the member may not place.
	 */
	DeepLinking.ResourceLink place(Member member, String id, Choice choice);

	/** What the page says while the link is posted back to the LMS. */
	String placingMessage();

	/**
	 * A section of the picker: the fragment {@code placeable(section)} of
	 * {@code template}, given {@code model}.
	 */
	record Section(String template, Object model) {
	}

	/**
	 * What a section's form posts besides the address: {@code requirement}, the part of
	 * the content to place (a PD program's requirement), blank for the whole. One record
	 * for every module, so that the picker validates it before any module reads it.
	 */
	record Choice(@Size(max = LONGEST_PART) String requirement) {

		static final int LONGEST_PART = 60;

		/** The part chosen, empty for the whole content. */
		public Optional<String> part() {
			return requirement == null || requirement.isBlank() ? Optional.empty() : Optional.of(requirement.strip());
		}

	}

}
