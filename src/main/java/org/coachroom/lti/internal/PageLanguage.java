package org.coachroom.lti.internal;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Languages;
import org.coachroom.lti.Member;
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
	 * Keeps the signed-in person's language with the request, as signing in does (the
	 * only way a request gets a person): the request's error page, rendered after the
	 * sign-in has been cleared, reads it too.
	 */
	static void remember(HttpServletRequest request, Member member) {
		if (member.launch() != null) {
			Languages.spoken(member.launch().locale()).ifPresent(l -> request.setAttribute(LAUNCH_LANGUAGE, l));
		}
	}

	/**
	 * Coachroom offers no language switch of its own (as Spring's Accept-Language
	 * resolver, it refuses to be set): a switch here would disagree with the LMS at the
	 * next launch.
	 */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language follows the LMS and the browser.");
	}

	private static Optional<Locale> ofLaunch(HttpServletRequest request) {
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
