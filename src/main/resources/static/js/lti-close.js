// LTI Dynamic Registration: tell the platform (which shows us in an iframe or a window) that we are done.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('lti-close');
  if (!button) { return; }
  button.addEventListener('click', function () {
    var target = window.opener || window.parent;
    if (target && target !== window) {
      target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
    } else {
      window.close();
    }
  });
});
