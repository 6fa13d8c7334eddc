// Initiates logflow's MongoDB replica set and adds the members a scale-up created; running it again changes
// nothing. Run by the chart's post-install/post-upgrade Job with `mongosh --nodb --file`.
//
// Member 0 is initiated alone, then the others are added one by one: a replica set can only be initiated
// with empty members besides the initiator, and every member here ran the image's first-start script (its
// own root user), so they join through rs.add and an initial sync instead. Credentials come from the
// environment, never from the command line.
const members = process.env.MONGODB_MEMBERS.split(",");
const setName = process.env.MONGODB_REPLICA_SET;
const deadline = Date.now() + Number(process.env.MONGODB_WAIT_SECONDS) * 1000;
const retryMillis = 5000;
const notYetInitialized = 94;

/** Runs action until it succeeds or the deadline passes, saying what it waits for. */
function retry(what, action) {
  for (;;) {
    try {
      return action();
    } catch (e) {
      if (Date.now() > deadline) {
        throw new Error(`gave up waiting for ${what}: ${e.message}`);
      }
      print(`waiting for ${what}: ${e.message}`);
      sleep(retryMillis);
    }
  }
}

/** The admin database of a connection, authenticated as root. */
function adminDb(uri) {
  const admin = new Mongo(uri).getDB("admin");
  admin.auth(process.env.MONGODB_ROOT_USER, process.env.MONGODB_ROOT_PASSWORD);
  return admin;
}

function check(result, what) {
  if (result.ok !== 1) {
    throw new Error(`${what} failed: ${result.codeName || ""} ${result.errmsg || ""}`);
  }
  return result;
}

function initiateIfNeeded() {
  const first = retry(members[0], () => adminDb(`mongodb://${members[0]}/?directConnection=true`));
  const status = first.runCommand({ replSetGetStatus: 1 });
  if (status.ok === 1) {
    print(`replica set ${setName} already initiated`);
    return;
  }
  if (status.code !== notYetInitialized) {
    check(status, "replSetGetStatus");
  }
  check(first.runCommand({ replSetInitiate: { _id: setName, members: [{ _id: 0, host: members[0] }] } }),
    "replSetInitiate");
  print(`initiated replica set ${setName} with ${members[0]}`);
}

function addMissingMembers() {
  const primary = retry(`a primary of ${setName}`, () => {
    const admin = adminDb(`mongodb://${members.join(",")}/?replicaSet=${setName}`);
    check(admin.runCommand({ ping: 1 }), "ping");
    return admin;
  });
  for (const host of members.slice(1)) {
    retry(`${host} to join`, () => {
      const config = check(primary.runCommand({ replSetGetConfig: 1 }), "replSetGetConfig").config;
      if (config.members.some((member) => member.host === host)) {
        return;
      }
      const nextId = Math.max(...config.members.map((member) => member._id)) + 1;
      config.members.push({ _id: nextId, host: host });
      config.version += 1;
      check(primary.runCommand({ replSetReconfig: config }), "replSetReconfig");
      print(`added ${host} to ${setName}`);
    });
  }
}

initiateIfNeeded();
addMissingMembers();
print(`replica set ${setName} has its ${members.length} members`);
