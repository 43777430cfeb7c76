// LTI Client Side postMessages (1EdTech): keeps the sign-in's state and nonce in the LMS's storage
// (lti.put_data) when the browser will not keep Coachroom's cookie in the LMS's frame, and reads the
// state back (lti.get_data) when the launch arrives without the cookie. Messages go to the LMS's
// storage frame (lti_storage_target) with the origin of its sign-in endpoint as target origin; only
// answers from that origin, with the message id sent, are read.
(function () {
  var WAIT_MS = 5000;
  var el = document.getElementById('lti-storage');
  if (!el) { return; }
  var d = el.dataset;

  function storageFrame() {
    var parent = window.parent !== window ? window.parent : window.opener;
    if (!parent) { return null; }
    if (d.target === '_parent') { return parent; }
    try { return parent.frames[d.target] || null; } catch (e) { return null; }
  }

  function ask(subject, fields) {
    return new Promise(function (resolve, reject) {
      var frame = storageFrame();
      if (!frame) { reject(new Error('no storage frame')); return; }
      var id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
      var timer = setTimeout(function () { done(); reject(new Error('no answer')); }, WAIT_MS);
      function listen(event) {
        var m = event.data;
        if (event.origin !== d.platformOrigin || !m || typeof m !== 'object'
            || m.subject !== subject + '.response' || m.message_id !== id) { return; }
        done();
        if (m.error) { reject(new Error(m.error.code || 'error')); } else { resolve(m); }
      }
      function done() { clearTimeout(timer); window.removeEventListener('message', listen); }
      window.addEventListener('message', listen);
      var message = { subject: subject, message_id: id };
      for (var k in fields) { message[k] = fields[k]; }
      frame.postMessage(message, d.platformOrigin);
    });
  }

  if (d.mode === 'put') {
    var go = function () { window.location.assign(d.next); };
    // whatever the answer, the sign-in goes on: if storage failed, the cookie may still work
    Promise.all([
      ask('lti.put_data', { key: 'state_' + d.state, value: d.state }),
      ask('lti.put_data', { key: 'nonce_' + d.nonce, value: d.nonce })
    ]).then(go, go);
  } else if (d.mode === 'get') {
    ask('lti.get_data', { key: 'state_' + d.state }).then(function (m) {
      if (m.value !== d.state) { throw new Error('other state'); }
      document.getElementById('lti-storage-state').value = m.value;
      document.getElementById('storage-launch').submit();
    }).catch(function () {
      el.hidden = true;
      document.getElementById('storage-failed').hidden = false;
    });
  }
})();
