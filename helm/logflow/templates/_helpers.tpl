{{/*
logflow.name: the chart name, or nameOverride; 63 characters at most (a DNS label).
*/}}
{{- define "logflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
logflow.fullname: prefix of every resource name. The release name alone when it already contains the chart
name ("logflow" gives logflow-mongodb, logflow-dashboard ...), otherwise "<release>-<chart>".
*/}}
{{- define "logflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
logflow.componentName: "<fullname>-<component>", the name of a workload and of its Service.
Call with (dict "context" $ "component" "dashboard").
*/}}
{{- define "logflow.componentName" -}}
{{- printf "%s-%s" (include "logflow.fullname" .context) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
logflow.chart: "<name>-<version>" for the helm.sh/chart label.
*/}}
{{- define "logflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
logflow.selectorLabels: the labels a workload selects its pods by. Only name, instance and component: they
never change on upgrade (a selector is immutable).
Call with (dict "context" $ "component" "dashboard").
*/}}
{{- define "logflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "logflow.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
logflow.labels: the recommended app.kubernetes.io/* labels of every object, with its component, plus
commonLabels. Call with (dict "context" $ "component" "dashboard").
*/}}
{{- define "logflow.labels" -}}
helm.sh/chart: {{ include "logflow.chart" .context }}
{{ include "logflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: logflow
{{- with .context.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
logflow.metadata: name, namespace and labels of an object. Call with
(dict "context" $ "component" "dashboard" "name" "logflow-dashboard").
*/}}
{{- define "logflow.metadata" -}}
name: {{ .name }}
namespace: {{ .context.Release.Namespace }}
labels:
  {{- include "logflow.labels" . | nindent 2 }}
{{- end }}

{{/*
logflow.image: "<registry>/<repository>:<tag>" of a logflow image; the tag falls back to image.tag, then to
the chart's appVersion. Call with (dict "context" $ "image" .Values.dashboard.image).
*/}}
{{- define "logflow.image" -}}
{{- $registry := .context.Values.image.registry }}
{{- $tag := .image.tag | default .context.Values.image.tag | default .context.Chart.AppVersion }}
{{- if $registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/*
logflow.imagePullPolicy: a component's pull policy, or the shared image.pullPolicy.
Call with (dict "context" $ "image" .Values.dashboard.image).
*/}}
{{- define "logflow.imagePullPolicy" -}}
{{- .image.pullPolicy | default .context.Values.image.pullPolicy }}
{{- end }}

{{/*
logflow.serviceAccountName: the ServiceAccount every pod of the chart runs as.
*/}}
{{- define "logflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "logflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
logflow.podCommon: pod spec fields shared by the logflow pods: service account without token, pull secrets.
*/}}
{{- define "logflow.podCommon" -}}
serviceAccountName: {{ include "logflow.serviceAccountName" . }}
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
logflow.scheduling: nodeSelector, tolerations and affinity of a component's values, when set.
*/}}
{{- define "logflow.scheduling" -}}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
logflow.quarkusProbes: startup, liveness and readiness probes on SmallRye Health's endpoints of the container
port named "http". Call with the root context.
*/}}
{{- define "logflow.quarkusProbes" -}}
{{- $probes := .Values.quarkusProbes }}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  {{- toYaml $probes.startup | nindent 2 }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  {{- toYaml $probes.liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  {{- toYaml $probes.readiness | nindent 2 }}
{{- end }}

{{/*
logflow.tmpVolumeMount: the writable /tmp every container needs under a read-only root file system.
*/}}
{{- define "logflow.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/*
logflow.mongodb.name: name of the MongoDB StatefulSet, of its ClusterIP Service and of its Secret.
*/}}
{{- define "logflow.mongodb.name" -}}
{{- include "logflow.componentName" (dict "context" . "component" "mongodb") }}
{{- end }}

{{/*
logflow.mongodb.headless: the headless Service that gives each member a stable DNS name.
*/}}
{{- define "logflow.mongodb.headless" -}}
{{- printf "%s-headless" (include "logflow.mongodb.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
logflow.mongodb.replicaSet: true (as a non-empty string) when the bundled MongoDB runs a replica set.
*/}}
{{- define "logflow.mongodb.replicaSet" -}}
{{- if and .Values.mongodb.enabled (gt (int .Values.mongodb.replicas) 1) }}true{{ end }}
{{- end }}

{{/*
logflow.mongodb.secretName: the Secret holding the MongoDB passwords (and keyfile): existingSecret or ours.
*/}}
{{- define "logflow.mongodb.secretName" -}}
{{- default (include "logflow.mongodb.name" .) .Values.mongodb.auth.existingSecret }}
{{- end }}

{{/*
logflow.mongodb.members: comma-separated "host:port" of every member, by its stable headless-Service name.
*/}}
{{- define "logflow.mongodb.members" -}}
{{- $name := include "logflow.mongodb.name" . }}
{{- $headless := include "logflow.mongodb.headless" . }}
{{- $members := list }}
{{- range $i := until (int .Values.mongodb.replicas) }}
{{- $members = append $members (printf "%s-%d.%s.%s.svc.cluster.local:%d" $name $i $headless $.Release.Namespace
    (int $.Values.mongodb.service.port)) }}
{{- end }}
{{- join "," $members }}
{{- end }}

{{/*
logflow.mongodb.connectionString: connection string of the bundled MongoDB, without credentials (those come
from the Secret through QUARKUS_MONGODB_CREDENTIALS_*): the Service for a standalone server, every member and
replicaSet= for a replica set.
*/}}
{{- define "logflow.mongodb.connectionString" -}}
{{- if include "logflow.mongodb.replicaSet" . }}
{{- printf "mongodb://%s/?replicaSet=%s&authSource=admin" (include "logflow.mongodb.members" .)
    .Values.mongodb.replicaSetName }}
{{- else }}
{{- printf "mongodb://%s.%s.svc.cluster.local:%d/?authSource=admin" (include "logflow.mongodb.name" .)
    .Release.Namespace (int .Values.mongodb.service.port) }}
{{- end }}
{{- end }}

{{/*
logflow.externalMongodb.secretName: the Secret holding the external connection string.
*/}}
{{- define "logflow.externalMongodb.secretName" -}}
{{- default (printf "%s-external" (include "logflow.mongodb.name" .)) .Values.externalMongodb.existingSecret }}
{{- end }}

{{/*
logflow.mongodbClientEnv: how loader-svc and dashboard-svc reach MongoDB. Bundled: the connection string
without credentials, user and password from the Secret as separate Quarkus properties, so the password
never appears in a pod spec, a connection string or a log line. External: the whole connection string
from its Secret.
*/}}
{{- define "logflow.mongodbClientEnv" -}}
{{- if .Values.mongodb.enabled }}
- name: QUARKUS_MONGODB_CONNECTION_STRING
  value: {{ include "logflow.mongodb.connectionString" . | quote }}
- name: QUARKUS_MONGODB_CREDENTIALS_USERNAME
  value: {{ .Values.mongodb.auth.username | quote }}
- name: QUARKUS_MONGODB_CREDENTIALS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "logflow.mongodb.secretName" . }}
      key: mongodb-password
- name: QUARKUS_MONGODB_CREDENTIALS_AUTH_SOURCE
  value: admin
{{- else }}
- name: QUARKUS_MONGODB_CONNECTION_STRING
  valueFrom:
    secretKeyRef:
      name: {{ include "logflow.externalMongodb.secretName" . }}
      key: {{ .Values.externalMongodb.existingSecretKey }}
{{- end }}
{{- end }}

{{/*
logflow.flume.name: name of the Flume-plus-loader StatefulSet and of the Service generators connect to.
*/}}
{{- define "logflow.flume.name" -}}
{{- include "logflow.componentName" (dict "context" . "component" "flume") }}
{{- end }}

{{/*
logflow.validateValues: one combined message for value combinations a JSON schema cannot express.
*/}}
{{- define "logflow.validateValues" -}}
{{- $messages := list }}
{{- if and (not .Values.mongodb.enabled) (not .Values.externalMongodb.connectionString)
    (not .Values.externalMongodb.existingSecret) }}
{{- $messages = append $messages
    "mongodb.enabled=false needs externalMongodb.connectionString or externalMongodb.existingSecret" }}
{{- end }}
{{- if and .Values.mongodb.enabled
    (or .Values.externalMongodb.connectionString .Values.externalMongodb.existingSecret) }}
{{- $messages = append $messages
    "externalMongodb.* is set but mongodb.enabled=true: set mongodb.enabled=false to use it" }}
{{- end }}
{{- if and .Values.dashboard.ingress.tls.enabled (not .Values.dashboard.ingress.enabled) }}
{{- $messages = append $messages "dashboard.ingress.tls.enabled=true needs dashboard.ingress.enabled=true" }}
{{- end }}
{{- if $messages }}
{{- fail (printf "\nVALUES VALIDATION:\n%s" (join "\n" $messages)) }}
{{- end }}
{{- end }}

{{/*
logflow.generator.controlSecretName: the Secret holding the generator's control token: existingSecret or ours.
*/}}
{{- define "logflow.generator.controlSecretName" -}}
{{- default (include "logflow.componentName" (dict "context" . "component" "generator"))
    .Values.generator.control.existingSecret }}
{{- end }}
