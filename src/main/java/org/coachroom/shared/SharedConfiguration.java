package org.coachroom.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** One clock for every rule with a time in it, so tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
