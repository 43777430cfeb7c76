package org.coachroom.pd.evidence;

import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Completion certificates as PDF downloads: a person's own, and HR's copy of anyone's.
 */
@Controller
class CertificateController {

	private final Certificates certificates;

	CertificateController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/pd/programs/{code}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Member member, @PathVariable String code) {
		return pdf("certificate-" + code + ".pdf",
				certificates.certificate(member, code).orElseThrow(() -> ProgramNotFoundException.certificate(code)));
	}

	static ResponseEntity<byte[]> pdf(String name, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	@GetMapping("/pd/compliance/people/{userRef}/programs/{code}/certificate.pdf")
	ResponseEntity<byte[]> hrCopy(@AuthenticationPrincipal Member member, @PathVariable long userRef,
			@PathVariable String code) {
		return pdf("certificate-" + code + "-" + userRef + ".pdf", certificates.hrCopy(member, userRef, code)
			.orElseThrow(() -> ProgramNotFoundException.certificate(code)));
	}

}
