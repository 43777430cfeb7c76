// Posts the LTI form on load, as an LMS page does; the button stays for browsers without script.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('autosubmit');
  if (form) { form.submit(); }
});
