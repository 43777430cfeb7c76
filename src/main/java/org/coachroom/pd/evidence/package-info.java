/**
 * Evidence for requirements (upload, download, review) and completion certificates as
 * PDF.
 */
package org.coachroom.pd.evidence;
