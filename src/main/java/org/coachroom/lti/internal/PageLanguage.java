package org.coachroom.lti.internal;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Languages;
import org.coachroom.lti.Member;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of Coachroom's pages: the one the person chose in their LMS, which the
 * launch brings ({@code launch_presentation.locale}), else the browser's, among those
 * Coachroom speaks; English otherwise. Nobody picks it inside Coachroom: the LMS is where
 * people already set their language.
 */
@Component("localeResolver")
class PageLanguage implements LocaleResolver {

	private static final String LAUNCH_LANGUAGE = PageLanguage.class.getName() + ".launch";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return ofLaunch(request).or(() -> ofBrowser(request)).orElse(Languages.ENGLISH);
	}

	/**
	 * Keeps the signed-in person's language with the request: its error page is rendered
	 * after the sign-in has been cleared.
	 */
	static void remember(HttpServletRequest request, Member member) {
		if (member.launch() != null) {
			Languages.spoken(member.launch().locale()).ifPresent(l -> request.setAttribute(LAUNCH_LANGUAGE, l));
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language follows the LMS and the browser.");
	}

	private static Optional<Locale> ofLaunch(HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof Member member && member.launch() != null) {
			return Languages.spoken(member.launch().locale());
		}
		return Optional.ofNullable((Locale) request.getAttribute(LAUNCH_LANGUAGE));
	}

	private static Optional<Locale> ofBrowser(HttpServletRequest request) {
		// without the header the container answers with its own default, which is no
		// one's choice
		if (request.getHeader("Accept-Language") == null) {
			return Optional.empty();
		}
		return Collections.list(request.getLocales())
			.stream()
			.map(l -> Languages.spoken(l.toLanguageTag()))
			.flatMap(Optional::stream)
			.findFirst();
	}

}
