package org.coachroom.pd.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter catalog Coachroom ships ({@code pd/catalog.json}, versioned): a district
 * gets it the first time anyone of the district opens PD tracking, once, and edits it
 * from then on. The import row is written first, so two nodes never import it twice.
 */
@Component
public class StarterCatalog {

	private static final Logger log = LoggerFactory.getLogger(StarterCatalog.class);

	/** The catalog file as shipped. */
	record CatalogFile(String version, List<Program.Definition> programs) {
	}

	private final CatalogFile catalog;

	private final Programs programs;

	private final JdbcClient jdbc;

	private final Clock clock;

	StarterCatalog(JsonMapper json, Programs programs, JdbcClient jdbc, Clock clock) throws IOException {
		try (InputStream in = new ClassPathResource("pd/catalog.json").getInputStream()) {
			this.catalog = json.readValue(in, CatalogFile.class);
		}
		this.programs = programs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	CatalogFile catalog() {
		return catalog;
	}

	/**
	 * Gives the district the starter catalog if it never had it; does nothing after the
	 * first time.
	 */
	@Transactional
	public void ensureImported(long tenantId) {
		Instant now = clock.instant();
		int claimed = jdbc
			.sql("INSERT IGNORE INTO pd_catalog_import (tenant_id, catalog_version, imported_at) VALUES (?, ?, ?)")
			.params(tenantId, catalog.version(), Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return;
		}
		for (Program.Definition definition : catalog.programs()) {
			if (programs.findByTenantIdAndCode(tenantId, definition.code()).isEmpty()) {
				programs.save(Program.define(tenantId, definition, catalog.version(), now));
			}
		}
		log.info("PD starter catalog {} imported for tenant {}: {} programs", catalog.version(), tenantId,
				catalog.programs().size());
	}

}
