package org.coachroom.home;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.coachroom.demo.DemoDistrict;
import org.coachroom.shared.web.PublicPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page. With the demo district it offers launches as each role; without, it
 * tells a visitor that Coachroom opens from their LMS and tells an admin how to register
 * it.
 */
@Controller
class IndexController {

	private final ObjectProvider<DemoDistrict> demo;

	IndexController(ObjectProvider<DemoDistrict> demo) {
		this.demo = demo;
	}

	/** The front page is for anyone: a district's IT staff read it before any launch. */
	@Bean
	static PublicPaths frontPage() {
		return PublicPaths.open("/");
	}

	@GetMapping("/")
	String index(HttpServletRequest request, Model model) {
		DemoDistrict district = demo.getIfAvailable();
		if (district != null && district.baseUrl() != null) {
			URI base = URI.create(district.baseUrl());
			// Launch cookies belong to one host name: send 127.0.0.1 visitors to the
			// demo's own host.
			if (!base.getHost().equalsIgnoreCase(request.getServerName())) {
				return "redirect:" + district.baseUrl() + "/";
			}
			model.addAttribute("personas", district.personas());
		}
		model.addAttribute("registerUrl", request.getScheme() + "://" + request.getServerName()
				+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
				+ "/lti/register");
		return "index";
	}

}
