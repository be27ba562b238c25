/**
 * ZStack's own translations of every message the simulator produces that ZStack translates, copied from
 * conf/i18n/messages_en_US.properties and conf/i18n/messages_zh_CN.properties of ZStack's source, keyed as
 * there: by the format string of the Java code (Platform.err / Platform.i18n), values are MessageFormat
 * patterns. Grouped by the Java file that raises them.
 *
 * Messages of the simulator that ZStack's catalogue does not have, and that therefore read in English on a
 * zh_CN node as well (String.format of the key): the @APIParam checks (ApiMessageParamValidator: "is
 * mandatory", "must be a nonempty list", "cannot contain a NULL element", "must be in range of", "valid value
 * for field"), PortApiValidator's "invalid field[...], resource[...] not found", "Session expired",
 * RBACAPIRequestChecker's "is admin only", and internal errors (never translated).
 */
export interface Translations {
  en_US: string;
  zh_CN: string;
}

export const CATALOGUE: Readonly<Record<string, Translations>> = {
  // AccountLoginBackend.java
  'wrong account name or password': {
    en_US: 'wrong account name or password',
    zh_CN: '错误信息: 错误的帐号或密码',
  },
  // AccountManagerImpl.java
  "the user specified by the userUuid[%s] does not belong to the current account, and the current account is not an admin account, so it has no permission to check the user'spermissions":
    {
      en_US:
        "the user specified by the userUuid[{0}] does not belong to the current account, and the current account is not an admin account, so it has no permission to check the user'spermissions",
      zh_CN: '当前通过userUuid获得的user不属于当前账户，而且当前账户不是管理员账户',
    },
  // CasLoginBackend.java
  'wrong virtual ID[name:%s], not existing or wrong password': {
    en_US: 'wrong virtual ID[name:{0}], not existing or wrong password',
    zh_CN: '错误的virtual ID[名称:{0}], 密码不存在或者密码错误',
  },
  // IAM2ApiInterceptor.java
  'can not operate stale virtual ids: %s': {
    en_US: 'can not operate stale virtual ids: {0}',
    zh_CN: '无法操作无效的用户: {0}',
  },
  'login is prohibited because the project is in state of %s': {
    en_US: 'login is prohibited because the project is in state of {0}',
    zh_CN: '禁止登录，因为项目处于{0}状态',
  },
  // IAM2ManagerImpl.java
  'virtualID[uuid:%s] not in project[uuid:%s]': {
    en_US: 'virtualID[uuid:{0}] not in project[uuid:{1}]',
    zh_CN: 'VirtualID[uuid：{0}]不在项目[uuid：{1}]中',
  },
  // IAM2ProjectLoginBackend.java
  'project[name:%s] not existing': { en_US: 'project[name:{0}] not existing', zh_CN: '项目[name:{0}]不存在' },
  'virtual ID[name:%s] is disabled': {
    en_US: 'virtual ID[name:{0}] is disabled',
    zh_CN: 'virtual ID[名称:{0}]不可用',
  },
  'virtual ID[name:%s] not belonging to the project[name:%s]': {
    en_US: 'virtual ID[name:{0}] not belonging to the project[name:{1}]',
    zh_CN: 'virtual ID[名称:{0}]不属于项目[name:{1}]',
  },
  'wrong virtual ID[uuid:%s], not existing or wrong password': {
    en_US: 'wrong virtual ID[uuid:{0}], not existing or wrong password',
    zh_CN: '错误的virtual ID[uuid:{0}], 密码不存在或者密码错误',
  },
  // IAM2VirtualIDBase.java
  'Can not do operations, because Current virtualID[uuid:%s] is staled, please enable it': {
    en_US: 'Can not do operations, because Current virtualID[uuid:{0}] is staled, please enable it',
    zh_CN: '无法执行操作，因为当前VirtualID[uuid：{0}]已过时，请启用它',
  },
  // LoadBalancerApiInterceptor.java
  'L3 networks[uuids:%s] of the vm nics has no network service[%s] enabled': {
    en_US: 'L3 networks[uuids:{0}] of the vm nics has no network service[{1}] enabled',
    zh_CN: '云主机网卡的三层网络没有可用的网络服务',
  },
  'could not add backend server ip to serverGroup [uuid:%s], because ip [ipAddress:%s] is invalid': {
    en_US: 'could not add backend server ip to serverGroup [uuid:{0}], because ip [ipAddress:{1}] is invalid',
    zh_CN: '无法将后端服务器IP添加到ServerGroup[uuid：{0}]，因为IP[IPAddress：{1}]无效',
  },
  'could not add backend server ip to serverGroup [uuid:%s], because ip [ipAddress:%s] is repeated': {
    en_US:
      'could not add backend server ip to serverGroup [uuid:{0}], because ip [ipAddress:{1}] is repeated',
    zh_CN: '无法将后端服务器IP添加到ServerGroup[uuid：{0}]，因为IP[IPAddress：{1}]重复',
  },
  'could not add backend server ip to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number': {
    en_US:
      'could not add backend server ip to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
    zh_CN: '无法将后端服务器IP添加到ServerGroup[uuid：{0}]，因为vmnic权重[{1}]不是正确的数字',
  },
  'could not add backend server vmnic to serverGroup [uuid:%s], because vmnic ip [ipAddress:%s] is repeated':
    {
      en_US:
        'could not add backend server vmnic to serverGroup [uuid:{0}], because vmnic ip [ipAddress:{1}] is repeated',
      zh_CN: '无法将后端服务器vmnic添加到ServerGroup[uuid：{0}]，因为vmnic IP[IPAddress：{1}]重复',
    },
  'could not add backend server vmnic to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number':
    {
      en_US:
        'could not add backend server vmnic to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
      zh_CN: '无法将后端服务器vmnic添加到ServerGroup[uuid：{0}]，因为vmnic权重[{1}]不是正确的数字',
    },
  'could not add backend server vmnic[uuid:%s] to serverGroup[uuid:%s],because vmnic uuid is not exist': {
    en_US:
      'could not add backend server vmnic[uuid:{0}] to serverGroup[uuid:{1}],because vmnic uuid is not exist',
    zh_CN: '无法将后端服务器vmnic[uuid：{0}]添加到ServerGroup[uuid：{1}]，因为vmnic uuid不存在',
  },
  'could not add server ip to share load balancer server group': {
    en_US: 'could not add server ip to share load balancer server group',
    zh_CN: '无法将服务器IP添加到共享负载平衡器服务器组',
  },
  'could not add vm nic [uuid:%s] to server group [uuid:%s] because listener [uuid:%s] attached this server group already the nic to be added':
    {
      en_US:
        'could not add vm nic [uuid:{0}] to server group [uuid:{1}] because listener [uuid:{2}] attached this server group already the nic to be added',
      zh_CN:
        '无法将VM NIC[uuid：{0}]添加到服务器组[uuid：{1}]，因为侦听程序[uuid：{2}]已将此服务器组连接到要添加的NIC',
    },
  'could not change backend server vmnic to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number':
    {
      en_US:
        'could not change backend server vmnic to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
      zh_CN: '无法将后端服务器vmnic更改为ServerGroup[uuid：{0}]，因为vmnic权重[{1}]不是正确的数字',
    },
  'could not change backendserver, beacause vmincs and serverips is null': {
    en_US: 'could not change backendserver, beacause vmincs and serverips is null',
    zh_CN: '无法更改后端服务器，因为VMINCS和ServerIPS为空',
  },
  'could not find loadBalancer with serverGroup [uuid:%s]': {
    en_US: 'could not find loadBalancer with serverGroup [uuid:{0}]',
    zh_CN: '找不到ServerGroup为[uuid：{0}]的LoadBalancer',
  },
  'could not get candidate vmnic, because both load balancer uuid and server group uuid are not specified': {
    en_US:
      'could not get candidate vmnic, because both load balancer uuid and server group uuid are not specified',
    zh_CN: '无法获取候选vmnic，因为未指定负载平衡器uuid和服务器组uuid',
  },
  'could not get candidate l3 network, because both load balancer uuid and server group uuid are not specified':
    {
      en_US:
        'could not get candidate l3 network, because both load balancer uuid and server group uuid are not specified',
      zh_CN: '无法获取候选三层网络，因为未指定负载平衡器uuid和服务器组uuid',
    },
  'could not update backend server ip of serverGroup,because serverGroup[uuid:%s] don not have ip [ipAddress:%s] ':
    {
      en_US:
        'could not update backend server ip of serverGroup,because serverGroup[uuid:{0}] don not have ip [ipAddress:{1}] ',
      zh_CN: '无法更新ServerGroup的后端服务器IP，因为ServerGroup[uuid：{0}]没有IP[IP地址：{1}]',
    },
  'could not update backend server vmnic of serverGroup,because serverGroup[uuid:%s] don not have vmnic [uuid:%s] ':
    {
      en_US:
        'could not update backend server vmnic of serverGroup,because serverGroup[uuid:{0}] don not have vmnic [uuid:{1}] ',
      zh_CN: '无法更新ServerGroup的后端服务器vmnic，因为ServerGroup[uuid：{0}]没有vmnic[uuid：{1}]',
    },
  'could not update backend server vmnic of serverGroup[uuid:%s],because vmnic uuid is null': {
    en_US: 'could not update backend server vmnic of serverGroup[uuid:{0}],because vmnic uuid is null',
    zh_CN: '无法更新ServerGroup[uuid：{0}]的后端服务器vmnic，因为vmnic uuid为空',
  },
  'invalid balancer weight[serverIp:%s], weight is null': {
    en_US: 'invalid balancer weight[serverIp:{0}], weight is null',
    zh_CN: '无效的平衡器权重[ServerIP：{0}]，权重为空',
  },
  'invalid balancer weight[vimNic:%s], weight is null': {
    en_US: 'invalid balancer weight[vimNic:{0}], weight is null',
    zh_CN: '平衡器权重[vimnic：{0}]无效，权重为空',
  },
  'loadbalacerServerGroup [%s] is non-existent': {
    en_US: 'loadbalacerServerGroup [{0}] is non-existent',
    zh_CN: 'LoadBalacerServerGroup[{0}]不存在',
  },
  'serverips are all not in servergroup [%s]': {
    en_US: 'serverips are all not in servergroup [{0}]',
    zh_CN: 'ServerIP全部不在ServerGroup[{0}]中',
  },
  'the server ips [uuid:%s] are already on the load balancer servegroup [uuid:%s]': {
    en_US: 'the server ips [uuid:{0}] are already on the load balancer servegroup [uuid:{1}]',
    zh_CN: '服务器IP[uuid：{0}]已在负载平衡器ServerGroup[uuid：{1}]上',
  },
  'the vm nics[uuid:%s] are already on the load balancer servegroup [uuid:%s]': {
    en_US: 'the vm nics[uuid:{0}] are already on the load balancer servegroup [uuid:{1}]',
    zh_CN: 'VM NIC[uuid：{0}]已位于负载平衡器ServerGroup[uuid：{1}]上',
  },
  'vmnic or ip is null': { en_US: 'vmnic or ip is null', zh_CN: 'vmnic或IP为空' },
  'vmnics are all not in servergroup [%s]': {
    en_US: 'vmnics are all not in servergroup [{0}]',
    zh_CN: 'VMNIC均不在ServerGroup[{0}]中',
  },
  // LongJobApiInterceptor.java
  '%s is not an API': { en_US: '{0} is not an API', zh_CN: '{0}不是一个API' },
  // MysqlQueryBuilderImpl3.java
  "field[%s] is not a primitive of the inventory %s; you cannot specify it in the parameter 'fields';valid fields are %s":
    {
      en_US:
        "field[{0}] is not a primitive of the inventory {1}; you cannot specify it in the parameter 'fields';valid fields are {2}",
      zh_CN: "值[{0}]不是清单{1}的原语；你不能在参数'域'中指定该参数；非法的域{2}",
    },
  // OperationTargetAPIRequestChecker.java
  'permission denied, the account[uuid:%s] is not the owner of the resource[uuid:%s, type:%s]': {
    en_US: 'permission denied, the account[uuid:{0}] is not the owner of the resource[uuid:{1}, type:{2}]',
    zh_CN: '操作错误，账户[uuid:{0}]不是资源[uuid:{1}, type:{2}]的所有者',
  },
  'the account[uuid:%s] has no access to the resources[uuid:%s, type:%s]': {
    en_US: 'the account[uuid:{0}] has no access to the resources[uuid:{1}, type:{2}]',
    zh_CN: '账户[uuid:{0}]无法使用资源[uuid:{1}, type:{2}]',
  },
  // OrderByVisitor.java
  "invalid order by clause, inventory[%s] doesn't have field[%s]": {
    en_US: "invalid order by clause, inventory[{0}] doesn't have field[{1}]",
    zh_CN: 'ORDER BY子句无效，库存[{0}]没有字段[{1}]',
  },
  // RBACAPIRequestChecker.java
  'operation[API:%s] is denied by default, please contact admin to correct it': {
    en_US: 'operation[API:{0}] is denied by default, please contact admin to correct it',
    zh_CN: '默认情况下拒绝操作[API：{0}]，请与管理员联系以更正',
  },
  'the operation is denied by the policy[name:%s uuid:%s]': {
    en_US: 'the operation is denied by the policy[name:{0} uuid:{1}]',
    zh_CN: '操作被策略[名称：{0}uuid：{1}]拒绝',
  },
  // SlbApiInterceptor.java
  'could not add backend server vmnic to serverGroup[uuid:%s],because vmnic uuid is null': {
    en_US: 'could not add backend server vmnic to serverGroup[uuid:{0}],because vmnic uuid is null',
    zh_CN: '无法将后端服务器vmnic添加到ServerGroup[uuid：{0}]，因为vmnic uuid为空',
  },
  // TypeVerifier.java
  'Invalid value for boolean field [%s], [%s] is not a valid boolean string[true, false].': {
    en_US: 'Invalid value for boolean field [{0}], [{1}] is not a valid boolean string[true, false].',
    zh_CN: 'boolean属性字段[{0}]无效，[{1}]不是一个有效的boolean字符串[true, false]',
  },
  '[%s] field is excepted an int or long, but was [%s].': {
    en_US: '[{0}] field is excepted an int or long, but was [{1}].',
    zh_CN: '[{0}] 属性期望是一个整数，但是得到的是 [{1}]',
  },
};
