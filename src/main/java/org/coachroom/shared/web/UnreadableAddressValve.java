package org.coachroom.shared.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat refuses an address it cannot read (an encoded NUL, an encoded slash or
 * backslash, a path that climbs above the root) before choosing the application, so the
 * application's error pages never see it and Tomcat would answer with its own "HTTP
 * Status 400" page. This valve, first in Tomcat's engine, answers such a request with
 * Coachroom's error page instead: a 400, one log line, no stack trace.
 */
class UnreadableAddressValve extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(UnreadableAddressValve.class);

	private final ObjectProvider<ErrorPages> pages;

	UnreadableAddressValve(ObjectProvider<ErrorPages> pages) {
		super(true);
		this.pages = pages;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (request.getContext() != null || !response.isError() || response.isCommitted()
				|| response.getStatus() != 400) {
			getNext().invoke(request, response);
			return;
		}
		log.info("Refused a request (400): an address Tomcat cannot read ({} {})", request.getMethod(),
				RejectedRequests.clean(request.getCoyoteRequest().requestURI().toString()));
		String page;
		try {
			page = pages.getObject().render(400, request, response.getResponse());
		}
		catch (RuntimeException e) {
			log.warn("The error page could not be rendered for a refused address: {}", e.toString());
			getNext().invoke(request, response);
			return;
		}
		response.setSuspended(false);
		response.setErrorReported();
		response.setContentType("text/html;charset=UTF-8");
		PrintWriter writer = response.getReporter();
		if (writer != null) {
			writer.write(page);
			response.finishResponse();
		}
	}

}
