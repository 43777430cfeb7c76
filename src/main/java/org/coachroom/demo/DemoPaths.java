package org.coachroom.demo;

import java.util.List;

import org.coachroom.shared.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo district's LMS is reached without a launch (it is what launches). Open even
 * when the demo is off, so its addresses answer 404 rather than asking for a launch.
 */
@Configuration(proxyBeanMethods = false)
class DemoPaths {

	@Bean
	PublicPaths demoPublicPaths() {
		// the demo LMS's token endpoint is called server to server, like any LMS's
		return new PublicPaths(List.of("/demo/**"), List.of("/demo/platform/token"));
	}

}
