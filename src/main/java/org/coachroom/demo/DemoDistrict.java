package org.coachroom.demo;

import java.util.List;

/** What the front page needs to offer demo launches; present only when the demo runs. */
public interface DemoDistrict {

	List<DemoPersona> personas();

	/** Where the demo lives; the launch cookies belong to this host. */
	String baseUrl();

}
