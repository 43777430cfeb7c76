package org.coachroom.shared.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.thymeleaf.ITemplateEngine;

/**
 * Requests refused before any controller, each answered with Coachroom's error page and
 * one log line, never Tomcat's page or a stack trace: addresses Spring Security's
 * firewall rejects (an encoded dot or slash, a semicolon, a double slash), addresses
 * Tomcat itself cannot read ({@link UnreadableAddressValve}), and forms too large to
 * read, whose page says whether a file or the typed text was too large.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

	/** The firewall's refusal: a 400 answered by the error page (through /error). */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			log.info("Refused a request (400): {} ({} {})", rejected.getMessage().replaceAll("\".*", "").trim(),
					request.getMethod(), clean(request.getRequestURI()));
			response.sendError(400);
		};
	}

	@Bean
	ErrorPages errorPages(ITemplateEngine templateEngine, ServletContext servletContext) {
		return new ErrorPages(templateEngine, servletContext);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadableAddresses(ObjectProvider<ErrorPages> pages) {
		return factory -> factory.addEngineValves(new UnreadableAddressValve(pages));
	}

	/**
	 * What the error page says: for content too large, a file over the upload limit and a
	 * form too long to read are told apart by the kind of request.
	 */
	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				Object status = request.getAttribute("jakarta.servlet.error.status_code",
						RequestAttributes.SCOPE_REQUEST);
				if (Integer.valueOf(413).equals(status)) {
					String type = request.getHeader("Content-Type");
					attributes.put("messageKey", type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
							? "error.413.upload" : "error.413.form");
				}
				return attributes;
			}
		};
	}

	/**
	 * A request's address as a log line may carry it: cut, and without control
	 * characters.
	 */
	static String clean(String uri) {
		String cut = uri == null ? "" : uri.length() > 120 ? uri.substring(0, 120) + "…" : uri;
		return cut.replaceAll("[\\p{Cntrl}]", "?");
	}

}
