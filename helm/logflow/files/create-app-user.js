// Creates logflow's application user. The official mongo image runs this file once, on the first start of an
// empty data directory, as the root user and before authentication and the replica set are switched on.
// The user lives in the admin database (clients use authSource=admin) and may only read and write the
// logflow database: loader-svc and dashboard-svc never hold root credentials.
const username = process.env.MONGODB_USERNAME;
const database = process.env.MONGODB_DATABASE;
const admin = db.getSiblingDB("admin");

if (admin.getUser(username) === null) {
  admin.createUser({
    user: username,
    pwd: process.env.MONGODB_PASSWORD,
    roles: [{ role: "readWrite", db: database }],
  });
  print(`created user ${username} with readWrite on ${database}`);
}
