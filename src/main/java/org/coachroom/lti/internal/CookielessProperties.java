package org.coachroom.lti.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Launches in browsers that refuse Coachroom's cookie inside the LMS's frame (Safari,
 * Chrome with third-party cookies blocked).
 *
 * @param urlTokenTtl how long a token carried on the links of a cookie-less session signs
 * requests in without being used; each use within it keeps the session going
 * @param urlTokenRotation a token older than this is replaced by a new one on its next
 * use
 * @param urlTokenGrace how long a replaced token still works (a page that was loading
 * when it was replaced)
 * @param clientBinding whether a browser that refuses the cookie, from an LMS that offers
 * no postMessage storage, may finish its launch in the frame with its state bound to its
 * address and browser only; false shows it the "open in a new window" page instead
 */
@ConfigurationProperties("coachroom.lti.cookieless")
public record CookielessProperties(@DefaultValue("30m") Duration urlTokenTtl,
		@DefaultValue("2m") Duration urlTokenRotation, @DefaultValue("30s") Duration urlTokenGrace,
		@DefaultValue("true") boolean clientBinding) {

}
