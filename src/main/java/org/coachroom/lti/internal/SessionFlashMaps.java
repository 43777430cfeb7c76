package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * Where "Saved." and the other messages shown after a redirect wait for the next page. A
 * session a launch opened without a cookie has no HTTP session either (its cookie is
 * refused too), so its messages wait under the Coachroom session, for a few minutes;
 * every other request keeps them in the HTTP session, as Spring does. The bean's name is
 * the one the dispatcher servlet looks for.
 */
@Component("flashMapManager")
class SessionFlashMaps extends AbstractFlashMapManager {

	private static final String SESSION_ATTRIBUTE = SessionFlashMaps.class.getName() + ".FLASH_MAPS";

	/** Long enough for the redirect after a form; a message never read is dropped. */
	private static final Duration KEPT = Duration.ofMinutes(5);

	private record Held(List<FlashMap> maps, Instant until) {
	}

	private final Map<String, Held> bySession = new ConcurrentHashMap<>();

	private final Clock clock;

	SessionFlashMaps(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		String session = cookielessSession(request);
		if (session != null) {
			Instant now = clock.instant();
			bySession.values().removeIf(h -> h.until().isBefore(now));
			Held held = bySession.get(session);
			return held == null ? null : held.maps();
		}
		HttpSession httpSession = request.getSession(false);
		@SuppressWarnings("unchecked")
		List<FlashMap> maps = httpSession == null ? null : (List<FlashMap>) httpSession.getAttribute(SESSION_ATTRIBUTE);
		return maps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		String session = cookielessSession(request);
		if (session != null) {
			if (flashMaps.isEmpty()) {
				bySession.remove(session);
			}
			else {
				bySession.put(session, new Held(new CopyOnWriteArrayList<>(flashMaps), clock.instant().plus(KEPT)));
			}
			return;
		}
		WebUtils.setSessionAttribute(request, SESSION_ATTRIBUTE, flashMaps.isEmpty() ? null : flashMaps);
	}

	@Override
	protected Object getFlashMapsMutex(HttpServletRequest request) {
		String session = cookielessSession(request);
		if (session != null) {
			return bySession;
		}
		HttpSession httpSession = request.getSession(false);
		return httpSession == null ? null : WebUtils.getSessionMutex(httpSession);
	}

	private static String cookielessSession(HttpServletRequest request) {
		return request.getAttribute(SessionAuthenticationFilter.URL_SESSION_ATTRIBUTE) instanceof String hash ? hash
				: null;
	}

}
