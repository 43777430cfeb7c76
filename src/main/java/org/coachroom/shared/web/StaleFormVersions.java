package org.coachroom.shared.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form's {@code version} is a hidden field our pages fill in. Anything but a number
 * there was not typed by a person: it is read as no version (the change is then refused
 * as made from a stale page) rather than failing to build the form at all, which form
 * records (bound through their constructor) cannot report on a field.
 */
@ControllerAdvice
class StaleFormVersions {

	@InitBinder
	void readUnreadableVersionsAsNone(WebDataBinder binder) {
		binder.registerCustomEditor(Integer.class, "version", new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				try {
					setValue(text == null || text.isBlank() ? null : Integer.valueOf(text.strip()));
				}
				catch (NumberFormatException e) {
					setValue(null);
				}
			}
		});
	}

}
