package org.coachroom.shared.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The error page ({@code error.html}) for a request the container refused before it
 * reached Coachroom (an address Tomcat cannot read), where no controller and no
 * {@code /error} dispatch can answer: rendered here with the same template.
 */
class ErrorPages {

	private final ITemplateEngine engine;

	private final ServletContext servletContext;

	ErrorPages(ITemplateEngine engine, ServletContext servletContext) {
		this.engine = engine;
		this.servletContext = servletContext;
	}

	String render(int status, HttpServletRequest request, HttpServletResponse response) {
		// the refused request belongs to no web application: it is answered as one of
		// Coachroom's, at its root, and no link on the page is rewritten
		HttpServletRequest inCoachroom = new HttpServletRequestWrapper(request) {
			@Override
			public ServletContext getServletContext() {
				return servletContext;
			}

			@Override
			public String getContextPath() {
				return "";
			}
		};
		HttpServletResponse unrewritten = new HttpServletResponseWrapper(response) {
			@Override
			public String encodeURL(String url) {
				return url;
			}
		};
		JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
		WebContext context = new WebContext(application.buildExchange(inCoachroom, unrewritten), Locale.ENGLISH,
				Map.of("status", status));
		return engine.process("error", context);
	}

}
