package org.coachroom.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in two lines why the embedded database refused its folder, instead of a stack
 * trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedMariaDb.DataDirInTempFolderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedMariaDb.DataDirInTempFolderException cause) {
		return new FailureAnalysis(cause.getMessage(), "Set " + EmbeddedMariaDb.DATA_DIR_PROPERTY
				+ " to a folder outside the temp folder (the default, ./data, is), or spring.datasource.url to use "
				+ "another database.", cause);
	}

}
