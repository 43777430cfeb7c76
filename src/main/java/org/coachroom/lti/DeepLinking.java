package org.coachroom.lti;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * LTI Deep Linking 2.0, tool side: the signed answer to a platform's content selection
 * request. Which content to offer is the caller's business; how to say it to the platform
 * is this module's.
 */
public interface DeepLinking {

	/**
	 * The custom parameter of a placed link that names the tool page its launches open (a
	 * path on this tool, e.g. {@code /pd/programs/LETRS}).
	 */
	String PAGE_PARAMETER = "coachroom_page";

	/**
	 * Signs a {@code LtiDeepLinkingResponse} carrying {@code items} for the member's deep
	 * linking launch.
	 * @throws IllegalStateException when the member's launch was not a deep linking
	 * request
	 */
	Response respond(Member member, List<ResourceLink> items, String message);

	/** Where to post the signed JWT (as form field {@code JWT}), and the JWT. */
	record Response(String returnUrl, String jwt) {
	}

	/**
	 * An {@code ltiResourceLink} content item. A null url means the tool's launch URL; a
	 * lineItem makes the platform create a gradebook column for the link.
	 */
	record ResourceLink(String title, String text, String url, Map<String, String> custom, LineItem lineItem) {

		public ResourceLink {
			custom = custom == null ? Map.of() : Map.copyOf(custom);
		}
	}

	record LineItem(BigDecimal scoreMaximum, String label, String resourceId, String tag) {
	}

}
