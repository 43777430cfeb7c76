package org.coachroom.lti.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool's public keys, for platforms to check what Coachroom signs. */
@RestController
class JwksController {

	private final ToolKeys toolKeys;

	JwksController(ToolKeys toolKeys) {
		this.toolKeys = toolKeys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(toolKeys.publicKeys().toJSONObject(true));
	}

}
